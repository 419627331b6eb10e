namespace BusFlow.Engine.Documents;

/// <summary>What an upload may be (BusFlow:Documents): its largest size and the types taken.</summary>
public sealed record DocumentLimits
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The types taken, by their short names: pdf, docx, odt.</summary>
    public IReadOnlyList<string> AllowedTypes { get; init; } = ["pdf", "docx", "odt"];
}
