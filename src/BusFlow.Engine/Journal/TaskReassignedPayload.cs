using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>An open task passed from one address to another (a role changed hands, a person's address changed), and why.</summary>
public sealed record TaskReassignedPayload(Guid TaskId, string PreviousAssignee, string Assignee, string Reason) : JournalPayload, ITaskJournalPayload
{
    internal override JournalKind Kind => JournalKind.TaskReassigned;
}
