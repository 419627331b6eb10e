using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Definitions;

/// <summary>
/// Publishes a folder of definition files file by file: every valid file's new versions in one
/// transaction, while a broken file — or one that changes a published version — is reported and
/// publishes nothing, so its definition keeps serving its last good published version.
/// </summary>
public sealed class WorkflowFolderPublisher(DefinitionLoader loader, DefinitionCatalog catalog, IWorkflowStore store, IClock clock, WorkflowFolderStatus status)
{
    public async Task<PublishReport> PublishAsync(string folder, CancellationToken ct)
    {
        var loaded = loader.LoadFolder(folder);
        var (outcomes, refused) = await catalog.PublishEachAsync(store, loaded.Definitions, clock.GetCurrentInstant(), ct);
        var report = new PublishReport(folder, clock.GetCurrentInstant(), loaded.Definitions.Count, outcomes, [.. loaded.Errors, .. refused]);
        status.Record(report);
        return report;
    }

    /// <summary>What importing the folder now would refuse, without publishing anything: `busflow validate --database` asks this.</summary>
    public async Task<FolderCheck> CheckAsync(string folder, CancellationToken ct)
    {
        var loaded = loader.LoadFolder(folder);
        var errors = loaded.Errors.ToList();
        await using (var session = await store.BeginAsync(ct))
        {
            foreach (var definition in loaded.Definitions)
            {
                errors.AddRange(await catalog.CheckAgainstPublishedAsync(session, definition, ct));
            }
        }

        return new FolderCheck(loaded.Definitions.Count, errors);
    }
}
