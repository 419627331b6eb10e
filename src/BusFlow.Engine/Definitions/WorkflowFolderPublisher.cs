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
        var errors = loaded.Errors.ToList();
        var publishable = new List<WorkflowDefinition>();
        await using (var session = await store.BeginAsync(ct))
        {
            foreach (var definition in loaded.Definitions)
            {
                var refused = await catalog.CheckAgainstPublishedAsync(session, definition, ct);
                errors.AddRange(refused);
                if (refused.Count == 0)
                {
                    publishable.Add(definition);
                }
            }
        }

        var outcomes = publishable.Count == 0 ? [] : await catalog.PublishAsync(store, publishable, clock.GetCurrentInstant(), ct);
        var report = new PublishReport(folder, clock.GetCurrentInstant(), loaded.Definitions.Count, outcomes, errors);
        status.Record(report);
        return report;
    }
}
