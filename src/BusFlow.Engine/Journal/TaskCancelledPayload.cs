using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>An open task was withdrawn (its step was cancelled).</summary>
public sealed record TaskCancelledPayload(Guid TaskId) : JournalPayload, ITaskJournalPayload
{
    internal override JournalKind Kind => JournalKind.TaskCancelled;
}
