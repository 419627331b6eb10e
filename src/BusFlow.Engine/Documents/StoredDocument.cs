using NodaTime;

namespace BusFlow.Engine.Documents;

/// <summary>
/// A file kept by BusFlow for a case (e.g. an agreement's renewal): one version of one kind of
/// document. A new upload of the same kind for the same case is the next version; earlier ones stay.
/// </summary>
public sealed class StoredDocument
{
    public Guid Id { get; set; }

    /// <summary>What the document belongs to, as the workflow names it, e.g. "agreement/sn-bun-2027".</summary>
    public required string CaseKey { get; set; }

    /// <summary>What the document is, e.g. "draft-agreement".</summary>
    public required string Kind { get; set; }

    /// <summary>1 for the first upload of this kind for the case, then 2, 3, …</summary>
    public int Version { get; set; }

    public required string FileName { get; set; }

    /// <summary>The type read from the content itself, never the one the browser claimed.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public required string Checksum { get; set; }

    /// <summary>Who uploaded it: the address or account that answered the task.</summary>
    public required string UploadedBy { get; set; }

    /// <summary>The task whose answer carried it.</summary>
    public Guid? TaskId { get; set; }

    public Instant UploadedAt { get; set; }

    /// <summary>The bytes; empty in a listing, which reads everything else.</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>The first characters of the checksum, enough for a person to compare two copies.</summary>
    public string ChecksumShort => Checksum.Length > 12 ? Checksum[..12] : Checksum;
}
