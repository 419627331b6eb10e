namespace BusFlow.Bus.Papers;

/// <summary>Why an uploaded file cannot be the memo template.</summary>
public enum PaperTemplateProblem
{
    /// <summary>No file, or an empty one.</summary>
    Empty,

    /// <summary>Larger than <see cref="PaperTemplateCheck.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>Not a Word document (DOCX): another format, or a damaged file.</summary>
    NotADocx,

    /// <summary>A placeholder that is not one of <see cref="MemoPlaceholders"/>: the check names it.</summary>
    UnknownPlaceholder,
}
