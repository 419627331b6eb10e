using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Journal;

/// <summary>A task was made for a person: for whom, titled what, due when, with which outcomes to choose from.</summary>
public sealed record TaskCreatedPayload(Guid TaskId, string Assignee, string Title, LocalDate? DueDate, IReadOnlyList<string> Outcomes) : JournalPayload, ITaskJournalPayload
{
    internal override JournalKind Kind => JournalKind.TaskCreated;
}
