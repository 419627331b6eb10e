using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Journal;

/// <summary>A timer a workflow waits on was given another due time from outside (a round's deadline extended), and why.</summary>
public sealed record TimerMovedPayload(Guid TimerId, Instant PreviousDueAt, Instant DueAt, string Reason) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.TimerMoved;
}
