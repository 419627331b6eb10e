using System.Text.Json.Serialization;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Journal;

/// <summary>
/// Timers were set: either one timer a workflow waits on (<see cref="TimerId"/>, <see cref="DueAt"/>)
/// or a task's reminder timers (<see cref="TaskId"/>, <see cref="Reminders"/>). The journal has
/// stored the two shapes under one kind from the start; the other shape's keys are left out.
/// </summary>
public sealed record TimerScheduledPayload(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? TimerId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Instant? DueAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? TaskId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ScheduledReminderTimer>? Reminders) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.TimerScheduled;

    /// <summary>A timer a workflow waits on.</summary>
    public static TimerScheduledPayload ForTimer(Guid timerId, Instant dueAt) => new(timerId, dueAt, null, null);

    /// <summary>A task's reminder timers, in the order they go out.</summary>
    public static TimerScheduledPayload ForReminders(Guid taskId, IReadOnlyList<ScheduledReminderTimer> reminders) => new(null, null, taskId, reminders);
}
