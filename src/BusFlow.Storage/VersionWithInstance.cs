using BusFlow.Engine.Persistence;

namespace BusFlow.Storage;

/// <summary>A definition's version read together with the instance of it a correlation key names, if any.</summary>
internal sealed class VersionWithInstance
{
    public int Version { get; init; }

    public WorkflowInstance? Instance { get; init; }
}
