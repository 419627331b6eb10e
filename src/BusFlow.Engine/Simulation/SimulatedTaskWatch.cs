using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Simulation;

/// <summary>
/// Notes the instances whose tasks were made or passed to someone else, so that the simulator asks
/// the database only for those instances' open tasks after each step instead of for every open task
/// of the run: with hundreds of municipalities that scan was most of a step's time. Register it as
/// the runtime's <see cref="ITaskObserver"/> and <see cref="ITaskChangeObserver"/>. A note from a
/// transaction that rolled back only makes the simulator look at an instance for nothing.
/// </summary>
public sealed class SimulatedTaskWatch : ITaskObserver, ITaskChangeObserver
{
    private readonly Lock _gate = new();
    private HashSet<Guid> _instances = [];

    public Task OnTaskCreatedAsync(HumanTask task, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        Note(task.InstanceId);
        return Task.CompletedTask;
    }

    public Task OnTaskChangedAsync(TaskChangeNotice notice, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Kind == TaskChangeKind.Reassigned)
        {
            Note(notice.Task.InstanceId);
        }

        return Task.CompletedTask;
    }

    /// <summary>The instances noted since the last call, and a fresh start.</summary>
    public IReadOnlyCollection<Guid> TakeNoted()
    {
        lock (_gate)
        {
            var noted = _instances;
            _instances = [];
            return noted;
        }
    }

    private void Note(Guid instanceId)
    {
        lock (_gate)
        {
            _instances.Add(instanceId);
        }
    }
}
