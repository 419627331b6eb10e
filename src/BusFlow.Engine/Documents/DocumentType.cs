namespace BusFlow.Engine.Documents;

/// <summary>A type of file BusFlow can take, recognised by its content: its short name, file name extension and media type.</summary>
public sealed record DocumentType(string Name, string Extension, string ContentType)
{
    public static readonly DocumentType Pdf = new("pdf", ".pdf", "application/pdf");
    public static readonly DocumentType Docx = new("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly DocumentType Odt = new("odt", ".odt", "application/vnd.oasis.opendocument.text");

    public static readonly IReadOnlyList<DocumentType> All = [Pdf, Docx, Odt];

    /// <summary>The upper-case name people know the type by: PDF, DOCX, ODT.</summary>
    public string Label => Name.ToUpperInvariant();
}
