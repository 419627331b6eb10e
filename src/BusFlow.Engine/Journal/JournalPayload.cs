using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>
/// The data of one journal entry, typed. Each payload type owns the keys its entry is stored under
/// (its properties, camelCase) and the journal kind it is written as, so the writer and every reader
/// (timeline, status board, export) agree on one shape. The set is closed: only the engine writes
/// the journal; everything else reads it with <see cref="JournalPayloads.Read"/>.
/// </summary>
public abstract record JournalPayload
{
    private protected JournalPayload()
    {
    }

    /// <summary>The kind of journal entry this payload is the data of.</summary>
    internal abstract JournalKind Kind { get; }
}
