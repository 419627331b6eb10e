namespace BusFlow.Engine.Persistence;

/// <summary>Counts of a definition's instances that the designer's pages and publishing report.</summary>
public static class InstanceCounts
{
    /// <summary>How many instances of the definition (of one version, if given) are still going: running or waiting.</summary>
    public static async Task<int> CountGoingAsync(this IWorkflowSession session, string definitionId, int? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var going = 0;
        foreach (var status in new[] { InstanceStatus.Running, InstanceStatus.Waiting })
        {
            going += await session.CountInstancesAsync(new InstanceQuery(DefinitionId: definitionId, DefinitionVersion: version, Status: status), ct);
        }

        return going;
    }
}
