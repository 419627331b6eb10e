using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Resources;
using NodaTime;

namespace BusFlow.Web.Pages.Instances;

/// <summary>
/// One journal entry as a sentence, worded from its typed payload (ADR 0005). Only what an overseer
/// may read is said: the facts an answer carried, its proof and a signal's data stay in the journal.
/// </summary>
internal static class JournalText
{
    public static string Of(JournalEntry entry, Func<Instant, string> at)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(at);
        return JournalPayloads.Read(entry) switch
        {
            InstanceStartedPayload started => F(Strings.Journal_InstanceStarted, started.DefinitionId, started.Version)
                + (started.CorrelationKey is { } key ? F(Strings.Journal_WithKey, key) : ""),
            ActivityCompletedPayload => F(Strings.Journal_ActivityCompleted, entry.ActivityId),
            BookmarkCreatedPayload waiting => F(Strings.Journal_BookmarkCreated, entry.ActivityId, InstanceText.Waiting(waiting.BookmarkKind)),
            BookmarkResumedPayload resumed => F(Strings.Journal_BookmarkResumed, entry.ActivityId, InstanceText.Waiting(resumed.BookmarkKind)),
            TaskCreatedPayload task => F(Strings.Journal_TaskCreated, task.Title, task.Assignee)
                + (task.DueDate is { } due ? F(Strings.Journal_TaskDue, InstanceText.Date(due)) : ""),
            TaskCompletedPayload answered => F(Strings.Journal_TaskCompleted, answered.Outcome),
            TaskCancelledPayload => Strings.Journal_TaskCancelled,
            TaskReminderPayload reminder => F(
                Strings.Journal_TaskReminded,
                InstanceText.Reminder(reminder.ReminderKind), reminder.Number,
                reminder.Recipients.Count == 0 ? Strings.Journal_NoOne : string.Join(", ", reminder.Recipients.Select(r => r.Address)))
                + (reminder.RolesNotHeld.Count == 0 ? "" : F(Strings.Journal_RolesNotHeld, string.Join(", ", reminder.RolesNotHeld))),
            TimerScheduledPayload { DueAt: { } due } => F(Strings.Journal_TimerScheduled, at(due)),
            TimerScheduledPayload { Reminders: { Count: > 0 } reminders } => F(Strings.Journal_RemindersScheduled, reminders.Count, at(reminders.Min(r => r.DueAt))),
            TimerScheduledPayload => Strings.Journal_RemindersNone,
            TimerFiredPayload fired => F(Strings.Journal_TimerFired, at(fired.DueAt)),
            TimerCancelledPayload => Strings.Journal_TimerCancelled,
            ChildStartedPayload child => F(child.Wait ? Strings.Journal_ChildStartedWaiting : Strings.Journal_ChildStarted, child.DefinitionId),
            VariableSetPayload variable => F(Strings.Journal_VariableSet, variable.Variable),
            FaultedPayload fault => F(Strings.Journal_Faulted, fault.Error ?? "?"),
            RetriedPayload => Strings.Journal_Retried,
            CancelledPayload cancelled => cancelled.Reason is { Length: > 0 } reason ? F(Strings.Journal_CancelledBecause, reason) : Strings.Journal_Cancelled,
            SignalReceivedPayload signal => F(Strings.Journal_SignalReceived, signal.Signal, signal.SentBy),
            TaskMovedPayload moved => F(Strings.Journal_TaskMoved, Day(moved.PreviousDueDate), Day(moved.DueDate))
                + (moved.Reason is { Length: > 0 } why ? F(Strings.Journal_Because, why) : ""),
            TaskReassignedPayload reassigned => F(Strings.Journal_TaskReassigned, reassigned.PreviousAssignee, reassigned.Assignee)
                + F(Strings.Journal_Because, reassigned.Reason),
            _ => entry.Kind switch
            {
                JournalKind.ActivityStarted => F(Strings.Journal_ActivityStarted, entry.ActivityId),
                JournalKind.ActivityCompleted => F(Strings.Journal_ActivityCompleted, entry.ActivityId),
                JournalKind.InstanceCompleted => Strings.Journal_InstanceCompleted,
                JournalKind.Cancelled => Strings.Journal_Cancelled,
                _ => entry.Kind.ToString(),
            },
        };
    }

    /// <summary>The instance a line links to: the child it started.</summary>
    public static Guid? LinkedInstance(JournalEntry entry) => entry.Payload<ChildStartedPayload>()?.ChildInstanceId;

    private static string Day(LocalDate? date) => date is { } d ? InstanceText.Date(d) : Strings.Journal_NoDay;

    private static string F(string format, params object?[] values) => InstanceText.Format(format, values);
}
