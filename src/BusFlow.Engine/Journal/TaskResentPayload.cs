using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>An open task's mail went out again to its assignee, and why.</summary>
public sealed record TaskResentPayload(Guid TaskId, string Assignee, string Reason) : JournalPayload, ITaskJournalPayload
{
    internal override JournalKind Kind => JournalKind.TaskResent;
}
