namespace BusFlow.Storage.Model;

/// <summary>
/// The journal lines one flush of a transaction appended to one instance, stored as one row. An operation
/// appends a dozen or more lines; written a row each, they were half the rows the engine wrote and a third of
/// its memory traffic. The engine still sees one <see cref="Engine.Persistence.JournalEntry"/> per line.
/// </summary>
internal sealed class JournalBatch
{
    public Guid InstanceId { get; init; }

    /// <summary>The first line's sequence number; with the instance, the row's key.</summary>
    public int FirstSequence { get; init; }

    /// <summary>How many lines the batch holds: the last is <c>FirstSequence + LineCount - 1</c>.</summary>
    public int LineCount { get; init; }

    /// <summary>The lines, a JSON array in sequence order (see <see cref="JournalLines"/>).</summary>
    public required string Lines { get; init; }
}
