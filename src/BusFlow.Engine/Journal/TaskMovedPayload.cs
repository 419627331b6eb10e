using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Journal;

/// <summary>An open task's due date moved (its meeting moved): from when to when, why, what of its data changed, and how many reminders were cancelled (new ones are journaled as scheduled).</summary>
public sealed record TaskMovedPayload(Guid TaskId, LocalDate? PreviousDueDate, LocalDate? DueDate, string? Reason, JsonObject? Data, int RemindersCancelled) : JournalPayload, ITaskJournalPayload
{
    internal override JournalKind Kind => JournalKind.TaskMoved;
}
