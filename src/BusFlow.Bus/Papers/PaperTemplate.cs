using NodaTime;

namespace BusFlow.Bus.Papers;

/// <summary>
/// One uploaded version of a paper's template (today only the memo's: <see cref="MemoKind"/>). Versions
/// are never changed; the newest is used, and <see cref="Number"/> counts a kind's versions from 1
/// (BusFlow's own <see cref="DefaultMemoTemplate"/> is version 0).
/// </summary>
public sealed class PaperTemplate
{
    public const string MemoKind = "memo";

    public long Id { get; set; }

    public required string Kind { get; set; }

    public int Number { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Who uploaded it (the account's address).</summary>
    public required string SavedBy { get; set; }

    public Instant SavedAt { get; set; }
}
