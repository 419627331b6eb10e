namespace BusFlow.Bus.Boards;

public enum BoardProblem
{
    Required,
    TooLong,

    /// <summary>Letters, digits and dashes, starting with a letter or digit.</summary>
    BadCode,

    /// <summary>Another board of the organization has the code.</summary>
    CodeTaken,

    NoOrganization,

    /// <summary>Another organization has the name.</summary>
    NameTaken,
    NoticeOutOfRange,
}
