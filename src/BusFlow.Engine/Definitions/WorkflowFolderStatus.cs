namespace BusFlow.Engine.Definitions;

/// <summary>The last import of the workflows folder on this node, for readiness and the designer's page.</summary>
public sealed class WorkflowFolderStatus
{
    private volatile PublishReport? _last;

    /// <summary>Null until the folder has been imported once.</summary>
    public PublishReport? Last => _last;

    internal void Record(PublishReport report) => _last = report;
}
