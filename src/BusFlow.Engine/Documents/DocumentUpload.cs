namespace BusFlow.Engine.Documents;

/// <summary>
/// A file that passed <see cref="DocumentRules"/>: its type is sniffed from the content, its name
/// agrees with it, it is within the limits. Made only by the rules, so nothing unchecked is stored.
/// </summary>
public sealed class DocumentUpload
{
    internal DocumentUpload(string fileName, DocumentType type, byte[] content, string checksum)
    {
        FileName = fileName;
        Type = type;
        Content = content;
        Checksum = checksum;
    }

    public string FileName { get; }
    public DocumentType Type { get; }
    public byte[] Content { get; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Checksum { get; }
}
