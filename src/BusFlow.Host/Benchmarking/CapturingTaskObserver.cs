using System.Runtime.CompilerServices;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// Tells the client that started an instance the id of the task it made, as the task's mail tells the
/// person who answers it (its link carries the id): the engine hands the new task here inside the start's
/// transaction, and it lands in the box the client opened before the start.
/// </summary>
internal sealed class CapturingTaskObserver : ITaskObserver
{
    private static readonly CallFlowBox<Guid> Current = new();

    public static StrongBox<Guid> Capture() => Current.Open();

    public Task OnTaskCreatedAsync(HumanTask task, IWorkflowSession session, CancellationToken ct)
    {
        Current.Fill(task.Id);
        return Task.CompletedTask;
    }
}
