using System.Text.Json.Serialization;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;

namespace BusFlow.Engine.Journal;

/// <summary>
/// A task's reminder went out: which one (kind and number), whom it reached and how, and the roles
/// it should have reached that nobody held. An escalation is journaled as
/// <see cref="JournalKind.TaskEscalated"/>, every other reminder as <see cref="JournalKind.TaskReminded"/>.
/// </summary>
public sealed record TaskReminderPayload(
    Guid TaskId,
    Guid TimerId,
    [property: JsonPropertyName("kind")] ReminderKind ReminderKind,
    int Number,
    IReadOnlyList<ReachedRecipient> Recipients,
    IReadOnlyList<string> RolesNotHeld) : JournalPayload, ITaskJournalPayload
{
    internal override JournalKind Kind => ReminderKind == ReminderKind.Escalation ? JournalKind.TaskEscalated : JournalKind.TaskReminded;
}
