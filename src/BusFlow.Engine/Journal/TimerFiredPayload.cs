using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Journal;

/// <summary>A timer a workflow waited on fired.</summary>
public sealed record TimerFiredPayload(Guid TimerId, Instant DueAt) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.TimerFired;
}
