using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// One transaction in which a module changes its own records (a meeting plan, a person) and carries
/// the change into the open tasks that depend on them: both commit together, or neither does.
/// </summary>
public sealed class WorkflowChange
{
    private readonly WorkflowRuntime _runtime;
    private readonly RuntimeSession _session;

    internal WorkflowChange(WorkflowRuntime runtime, RuntimeSession session)
    {
        _runtime = runtime;
        _session = session;
    }

    /// <summary>The transaction: read and write the module's records here (<c>Store.Facet&lt;T&gt;()</c>).</summary>
    public IWorkflowSession Store => _session.Store;

    public Instant Now => _session.Now;

    /// <summary>
    /// Gives an open task a new due date: its pending reminders are cancelled and scheduled anew from
    /// the new date, the move is journaled, and the task observers tell the assignee. False when the
    /// task is not open or already due that day.
    /// </summary>
    public Task<bool> MoveTaskAsync(Guid taskId, TaskMove move, CancellationToken ct) =>
        _runtime.MoveTaskAsync(_session, taskId, move, ct);

    /// <summary>
    /// Passes an open task to another address (its person's new e-mail): the journal says so and the
    /// task observers send the task to the new address. False when the task is not open or already there.
    /// </summary>
    public Task<bool> ReassignTaskAsync(Guid taskId, string assignee, string reason, CancellationToken ct) =>
        _runtime.ReassignTaskAsync(_session, taskId, assignee, reason, ct);

    /// <summary>
    /// Sends an open task's mail again to its assignee, with the reason journaled: the task observers
    /// send it, and the links already sent stay live. False when the task is not open.
    /// </summary>
    public Task<bool> ResendTaskAsync(Guid taskId, string reason, CancellationToken ct) =>
        _runtime.ResendTaskAsync(_session, taskId, reason, ct);

    /// <summary>
    /// Gives a pending timer that a workflow waits on (not a reminder) another due time, journaled with
    /// the reason, and schedules it once the change commits; a job already scheduled for the old time
    /// finds it not due and schedules it again. False when the timer is not pending, is a reminder, or
    /// is already due then.
    /// </summary>
    public Task<bool> MoveTimerAsync(Guid timerId, Instant dueAt, string reason, CancellationToken ct) =>
        _runtime.MoveTimerAsync(_session, timerId, dueAt, reason, ct);
}
