namespace BusFlow.Engine.Runtime;

/// <summary>What sort of problem an answer has, for a page that words it in its reader's language.</summary>
public enum AnswerProblemKind
{
    /// <summary>A value that cannot be read or is outside its limits.</summary>
    Invalid,

    /// <summary>Something the answer must carry is not there: a comment, a fact, a file.</summary>
    Missing,

    /// <summary>A text longer than the page takes.</summary>
    TooLong,
}
