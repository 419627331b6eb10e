using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>An instance was cancelled by someone, for this reason (an instance that ends cancelled on its own journals no data).</summary>
public sealed record CancelledPayload(string? Reason) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.Cancelled;
}
