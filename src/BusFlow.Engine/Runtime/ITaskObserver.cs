using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// Told when a task is created, inside the transaction that creates it, so that a module's records
/// (e.g. the mail to the assignee in the outbox) commit together with the task — or not at all.
/// </summary>
public interface ITaskObserver
{
    Task OnTaskCreatedAsync(HumanTask task, IWorkflowSession session, CancellationToken ct);
}
