using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>A timer a workflow waited on was cancelled (its step was cancelled).</summary>
public sealed record TimerCancelledPayload(Guid TimerId) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.TimerCancelled;
}
