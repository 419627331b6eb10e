using BusFlow.Engine.Persistence;

namespace BusFlow.Storage;

/// <summary>A task or timer read together with its instance and bookmark, so that the context tracks all three.</summary>
internal sealed class RowWithInstance<T>
    where T : class
{
    public required T Row { get; init; }

    public WorkflowInstance? Instance { get; init; }

    public Bookmark? Bookmark { get; init; }
}
