using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Hosting;

/// <summary>Loads every definition in a folder and publishes them all in one transaction, or none.</summary>
public sealed class WorkflowFolderPublisher(DefinitionLoader loader, DefinitionCatalog catalog, IWorkflowStore store, IClock clock)
{
    public async Task<PublishReport> PublishAsync(string folder, CancellationToken ct)
    {
        var loaded = loader.LoadFolder(folder);
        if (!loaded.IsValid)
        {
            return new PublishReport(loaded.Definitions.Count, [], loaded.Errors);
        }

        try
        {
            var outcomes = await catalog.PublishAsync(store, loaded.Definitions, clock.GetCurrentInstant(), ct);
            return new PublishReport(loaded.Definitions.Count, outcomes, []);
        }
        catch (DefinitionValidationException invalid)
        {
            return new PublishReport(loaded.Definitions.Count, [], invalid.Errors);
        }
    }
}

/// <summary>What publishing a folder did: the versions published, or the errors that stopped it (then nothing was).</summary>
public sealed record PublishReport(int DefinitionCount, IReadOnlyList<PublishOutcome> Outcomes, IReadOnlyList<DefinitionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public int NewlyPublished => Outcomes.Count(o => o.Published);
}
