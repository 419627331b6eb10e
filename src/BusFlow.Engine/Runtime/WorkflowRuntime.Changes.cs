using System.Text.Json.Nodes;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// Changes that reach running workflows from outside: a module's records change and the open tasks
/// computed from them follow, in the same transaction, retried as a whole on a lost race.
/// </summary>
public sealed partial class WorkflowRuntime
{
    public Task<T> ChangeAsync<T>(string actor, Func<WorkflowChange, Task<T>> change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return InTransactionAsync(actor, session => change(new WorkflowChange(this, session)), ct);
    }

    internal async Task<bool> MoveTaskAsync(RuntimeSession session, Guid taskId, TaskMove move, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(move);
        if (await session.Store.FindTaskAsync(taskId, ct) is not { Status: HumanTaskStatus.Open } task || task.DueDate == move.DueDate)
        {
            return false;
        }

        var execution = await LoadAsync(session, task.InstanceId, ct);
        var previousDue = task.DueDate;
        task.DueDate = move.DueDate;
        task.Title = move.Title ?? task.Title;
        task.Description = move.Description ?? task.Description;
        if (move.Data is { Count: > 0 } changes)
        {
            var data = task.DataJson is { } json ? JsonNode.Parse(json) as JsonObject ?? [] : [];
            foreach (var (key, value) in changes)
            {
                data[key] = value?.DeepClone();
            }

            task.DataJson = data.ToJsonString();
        }

        var cancelled = await CancelRemindersAsync(session, task, ct);
        session.Journal(execution, task.ActivityId, new TaskMovedPayload(taskId, previousDue, move.DueDate, move.Reason, move.Data, cancelled));
        ScheduleReminders(session, execution, task);
        await TellAsync(session, new TaskChangeNotice(TaskChangeKind.Moved, task, previousDue, task.Assignee, move.Reason, session.Now), ct);
        return true;
    }

    internal async Task<bool> ReassignTaskAsync(RuntimeSession session, Guid taskId, string assignee, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignee);
        if (await session.Store.FindTaskAsync(taskId, ct) is not { Status: HumanTaskStatus.Open } task
            || string.Equals(task.Assignee, assignee, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var execution = await LoadAsync(session, task.InstanceId, ct);
        var previous = task.Assignee;
        task.Assignee = assignee;
        session.Journal(execution, task.ActivityId, new TaskReassignedPayload(taskId, previous, assignee, reason));
        await TellAsync(session, new TaskChangeNotice(TaskChangeKind.Reassigned, task, task.DueDate, previous, reason, session.Now), ct);
        return true;
    }

    internal async Task<bool> ResendTaskAsync(RuntimeSession session, Guid taskId, string reason, CancellationToken ct)
    {
        if (await session.Store.FindTaskAsync(taskId, ct) is not { Status: HumanTaskStatus.Open } task)
        {
            return false;
        }

        var execution = await LoadAsync(session, task.InstanceId, ct);
        session.Journal(execution, task.ActivityId, new TaskResentPayload(taskId, task.Assignee, reason));
        await TellAsync(session, new TaskChangeNotice(TaskChangeKind.Resent, task, task.DueDate, task.Assignee, reason, session.Now), ct);
        return true;
    }

    internal async Task<bool> MoveTimerAsync(RuntimeSession session, Guid timerId, Instant dueAt, string reason, CancellationToken ct)
    {
        if (await session.Store.FindTimerAsync(timerId, ct) is not { Status: TimerStatus.Pending, Purpose: TimerPurpose.Resume } timer
            || timer.DueAt == dueAt)
        {
            return false;
        }

        var execution = await LoadAsync(session, timer.InstanceId, ct);
        var previous = timer.DueAt;
        timer.DueAt = dueAt;
        session.Journal(execution, timer.ActivityId, new TimerMovedPayload(timerId, previous, dueAt, reason));
        session.NewTimers.Add(timer);
        return true;
    }

    private async Task TellAsync(RuntimeSession session, TaskChangeNotice notice, CancellationToken ct)
    {
        foreach (var observer in taskChangeObservers)
        {
            await observer.OnTaskChangedAsync(notice, session.Store, ct);
        }
    }
}
