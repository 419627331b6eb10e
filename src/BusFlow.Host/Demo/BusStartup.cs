using BusFlow.Bus.Cycles;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Host.Demo;

/// <summary>
/// What a host does for the BUS domain at start, after the definitions are published: seed the demo
/// municipality into an empty database when asked to, and keep every agreement in force on its
/// annual wheel and renewal. The demo is live on the day it is loaded: a cycle whose start has
/// passed starts at once.
/// </summary>
public sealed class BusStartup(WorkflowRuntime runtime, IWorkflowStore store, DefinitionCatalog catalog, IClock clock, ILogger<BusStartup> logger)
{
    public async Task RunAsync(bool seedDemo, CancellationToken ct)
    {
        if (seedDemo && await SeedDemoAsync(ct))
        {
            logger.LogInformation("Seeded the fictional demo municipality {Name}.", DemoMunicipality.Name);
        }

        if (await StartCyclesAsync(ct) is not { } started)
        {
            logger.LogInformation("The BUS workflows ({Cycle}, {Renewal}) are not published here; no agreement cycles were started.",
                AgreementCycles.AnnualCycleWorkflow, AgreementCycles.RenewalWorkflow);
        }
        else if (started > 0)
        {
            logger.LogInformation("Started {Count} agreement cycle(s).", started);
        }
    }

    /// <summary>Starts the cycles of every agreement in force that has none running.</summary>
    /// <returns>How many instances started; null when the BUS workflows are not published in this database.</returns>
    public async Task<int?> StartCyclesAsync(CancellationToken ct) =>
        await CycleDefinitionsPublishedAsync(ct) ? await AgreementCycles.EnsureStartedAsync(runtime, store, ct) : null;

    /// <summary>Seeds the demo's records; false when they were already there.</summary>
    public async Task<bool> SeedDemoAsync(CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var seeded = await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), clock.GetCurrentInstant(), ct);
        await session.CommitAsync(ct);
        return seeded;
    }

    private async Task<bool> CycleDefinitionsPublishedAsync(CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await catalog.GetAsync(session, AgreementCycles.AnnualCycleWorkflow, null, ct) is not null
            && await catalog.GetAsync(session, AgreementCycles.RenewalWorkflow, null, ct) is not null;
    }
}
