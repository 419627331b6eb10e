using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>The versions published of a definition, for the version and compare pages to link and choose from.</summary>
public static class PublishedVersions
{
    /// <summary>The version numbers, lowest first; none for a definition never published.</summary>
    public static async Task<IReadOnlyList<int>> ListAsync(IWorkflowSession session, string definitionId, CancellationToken ct)
    {
        if (await session.FindLatestDefinitionAsync(definitionId, ct) is not { } latest)
        {
            return [];
        }

        // A definition has a handful of versions, and a version may be skipped: each number is asked for.
        var versions = new List<int>();
        for (var version = 1; version < latest.Version; version++)
        {
            if (await session.FindDefinitionAsync(definitionId, version, ct) is not null)
            {
                versions.Add(version);
            }
        }

        versions.Add(latest.Version);
        return versions;
    }
}
