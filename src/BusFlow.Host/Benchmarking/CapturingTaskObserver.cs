using System.Runtime.CompilerServices;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// Tells the client that started an instance the id of the task it made, as the task's mail tells the
/// person who answers it (its link carries the id): a box set before the start flows with the client's
/// async calls into the engine, which hands the new task here inside the start's transaction.
/// </summary>
internal sealed class CapturingTaskObserver : ITaskObserver
{
    private static readonly AsyncLocal<StrongBox<Guid>?> Current = new();

    public static StrongBox<Guid> Capture()
    {
        var box = new StrongBox<Guid>();
        Current.Value = box;
        return box;
    }

    public Task OnTaskCreatedAsync(HumanTask task, IWorkflowSession session, CancellationToken ct)
    {
        if (Current.Value is { } box)
        {
            box.Value = task.Id;
        }

        return Task.CompletedTask;
    }
}
