using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// Told when an open task is moved to a new due date or passed to a new address, inside the
/// transaction that changes it, so that the mail telling the person commits with the change.
/// </summary>
public interface ITaskChangeObserver
{
    Task OnTaskChangedAsync(TaskChangeNotice notice, IWorkflowSession session, CancellationToken ct);
}
