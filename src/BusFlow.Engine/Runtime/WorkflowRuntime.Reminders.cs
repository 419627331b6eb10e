using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// A task's reminders are durable timers like any other, written with the task and handed to the
/// scheduler after the commit; firing one tells the reminder observers (the mail) and journals who
/// was reminded. A reminder never resumes the workflow and never reassigns the task.
/// </summary>
public sealed partial class WorkflowRuntime
{
    private void ScheduleReminders(RuntimeSession session, Execution execution, HumanTask task)
    {
        if (task.ReminderPolicyJson is not { } json || task.DueDate is not { } due)
        {
            return;
        }

        var policy = ReminderPolicyJson.Parse(json);
        var scheduled = new List<ScheduledReminderTimer>();
        foreach (var reminder in ReminderSchedule.Compute(policy, due, session.Now, calendar, options.TimeZone))
        {
            var timer = new DurableTimer
            {
                Id = Guid.CreateVersion7(),
                InstanceId = task.InstanceId,
                BookmarkId = task.BookmarkId,
                ActivityId = task.ActivityId,
                DueAt = reminder.At,
                Status = TimerStatus.Pending,
                CreatedAt = session.Now,
                Purpose = TimerPurpose.TaskReminder,
                TaskId = task.Id,
                ReminderKind = reminder.Kind,
                ReminderNumber = reminder.Number,
            };
            session.Store.Add(timer);
            session.NewTimers.Add(timer);
            scheduled.Add(new ScheduledReminderTimer(timer.Id, reminder.Kind, reminder.Number, reminder.At));
        }

        if (scheduled.Count > 0)
        {
            session.Journal(execution, task.ActivityId, TimerScheduledPayload.ForReminders(task.Id, scheduled));
        }
    }

    private async Task<TimerFireResult> FireReminderAsync(RuntimeSession session, DurableTimer timer, CancellationToken ct)
    {
        var task = timer.TaskId is { } taskId ? await session.Store.FindTaskAsync(taskId, ct) : null;
        if (task is not { Status: HumanTaskStatus.Open } || task.ReminderPolicyJson is null)
        {
            // Closed since, in a transaction that did not cancel its reminders (written before they were
            // cancelled with their task): the reminder has nothing left to say.
            timer.Status = TimerStatus.Cancelled;
            timer.FiredAt = session.Now;
            return TimerFireResult.AlreadyHandled;
        }

        timer.Status = TimerStatus.Fired;
        timer.FiredAt = session.Now;
        var execution = await LoadAsync(session, task.InstanceId, ct);
        var policy = ReminderPolicyJson.Parse(task.ReminderPolicyJson);
        var kind = timer.ReminderKind ?? ReminderKind.OnDue;
        var number = timer.ReminderNumber ?? 1;
        var day = session.Now.InZone(options.TimeZone).Date;

        var (recipients, unheld) = kind == ReminderKind.Escalation
            ? await EscalationRecipientsAsync(session, task, policy, day, ct)
            : ([await CurrentRecipientAsync(session, task, day, ct)], []);

        var reached = new List<ReachedRecipient>();
        foreach (var recipient in recipients)
        {
            var handling = ReminderHandling.None;
            foreach (var observer in reminderObservers)
            {
                var handled = await observer.OnReminderDueAsync(new TaskReminderNotice(task, policy, kind, number, recipient, session.Now), session.Store, ct);
                handling = handled > handling ? handled : handling;
            }

            reached.Add(new ReachedRecipient(recipient.Address, recipient.Name, recipient.Role, handling));
        }

        session.Journal(execution, task.ActivityId, new TaskReminderPayload(task.Id, timer.Id, kind, number, reached, unheld));
        return TimerFireResult.Fired;
    }

    /// <summary>
    /// Cancels the task's reminders still to come, in the transaction that closes or reschedules it: left
    /// pending, each would later be claimed and fired in a transaction of its own only to find the task
    /// closed, and would count as a timer due until then.
    /// </summary>
    /// <returns>How many were cancelled.</returns>
    private static async Task<int> CancelRemindersAsync(RuntimeSession session, HumanTask task, CancellationToken ct)
    {
        if (task.ReminderPolicyJson is null)
        {
            return 0;
        }

        // The scheduler may still hold jobs for these timers: firing a cancelled timer does nothing.
        var pending = await session.Store.ListPendingRemindersAsync(task.Id, ct);
        foreach (var timer in pending)
        {
            timer.Status = TimerStatus.Cancelled;
            timer.FiredAt = session.Now;
        }

        return pending.Count;
    }

    /// <summary>Whoever holds the task's role today; the assignee when the task is for a person or nobody holds the role.</summary>
    private async Task<ReminderRecipient> CurrentRecipientAsync(RuntimeSession session, HumanTask task, NodaTime.LocalDate day, CancellationToken ct) =>
        task.Role is { } role && await roleDirectory.FindHolderAsync(role, day, session.Store, ct) is { } holder
            ? holder
            : new ReminderRecipient(task.Assignee, null, task.Role);

    private async Task<(List<ReminderRecipient> Recipients, List<string> Unheld)> EscalationRecipientsAsync(
        RuntimeSession session, HumanTask task, ReminderPolicy policy, NodaTime.LocalDate day, CancellationToken ct)
    {
        var recipients = new List<ReminderRecipient>();
        var unheld = new List<string>();
        foreach (var target in policy.EscalateTo)
        {
            var role = RoleKeys.Resolve(target, task.Role);
            var holder = role is null ? null : await roleDirectory.FindHolderAsync(role, day, session.Store, ct);
            if (holder is null)
            {
                unheld.Add(role ?? target);
            }
            else if (!recipients.Any(r => string.Equals(r.Address, holder.Address, StringComparison.OrdinalIgnoreCase)))
            {
                recipients.Add(holder);
            }
        }

        return (recipients, unheld);
    }
}
