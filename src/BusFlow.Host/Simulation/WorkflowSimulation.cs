using System.Text.Json.Nodes;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Demo;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Simulation;
using BusFlow.Engine.Time;
using BusFlow.Host.Hosting;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Reminders;
using BusFlow.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>What to simulate: one workflow of a folder, from one local date to another, with simulated answers.</summary>
public sealed record SimulationRequest(
    string WorkflowsFolder,
    string WorkflowId,
    JsonObject? Input,
    LocalDate From,
    LocalDate To,
    AnswerChoice Answer,
    int AnswerAfterWorkingDays,
    DateTimeZone Zone)
{
    /// <summary>Run the demo municipality's own cycles instead of one workflow, answered by a BUS response policy.</summary>
    public bool Demo { get; init; }

    /// <summary>A setup file to import and run instead of one workflow: its agreements' cycles, as after `busflow import`.</summary>
    public string? SetupFile { get; init; }

    public string ResponsePolicy { get; init; } = "approve";

    /// <summary>The day a setup file is imported as of: its meetings before it count as held. Default: <see cref="From"/>.</summary>
    public LocalDate? SetupAsOf { get; init; }

    /// <summary>With a setup file: start its agreements' cycles (true), or only import it and start the workflow with the input (false).</summary>
    public bool StartCycles { get; init; } = true;

    /// <summary>The message templates the mails are rendered from; without them a step that sends a template mail faults and tasks send no mail.</summary>
    public string? TemplatesFolder { get; init; }
}

/// <summary>The started instance as it stands at the end, and the timeline of every instance of the run.</summary>
public sealed record SimulationResult(WorkflowInstance Instance, IReadOnlyList<TimelineEvent> Timeline, Instant End)
{
    /// <summary>What the run came to per year and per board: decisions, lapses, escalations.</summary>
    public SimulationSummary Summary { get; } = SimulationSummary.Of(Timeline);
}

/// <summary>
/// Runs a workflow on a throwaway SQLite database with the engine's virtual clock: publishes the
/// folder, starts the instance at the start of the first day and lets the simulator jump from event
/// to event until the end. No Hangfire: the simulator fires the timers itself and runs the weekly
/// digest at the moments the host's hourly job would first find it due. Mails are rendered
/// from the templates into the outbox and stay there: nothing is delivered.
/// </summary>
public static class WorkflowSimulation
{
    public const string Actor = "simulation";

    /// <exception cref="DefinitionValidationException">A definition in the folder is invalid; nothing ran.</exception>
    /// <exception cref="WorkflowRequestException">The workflow is unknown or the input does not fit it.</exception>
    public static async Task<SimulationResult> RunAsync(SimulationRequest request, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-simulation-{Guid.NewGuid():N}");
        // Deleted when the run ends: its connections are pooled and its commits not synced to disk.
        var storage = new StorageOptions
        {
            Provider = StorageOptions.Sqlite,
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "simulation.db") }.ToString(),
            Throwaway = true,
        };
        try
        {
            var clock = new VirtualClock(request.From.AtStartOfDayInZone(request.Zone).ToInstant());
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(clock)
                .AddSingleton<IClock>(clock)
                .AddSingleton<ITimerScheduler, NoTimerScheduler>()
                .AddSingleton(LinkKey.Generate())
                .AddBusFlowWorkflows(request.Zone, request.TemplatesFolder)
                .AddBusFlowStorage(storage)
                .AddSingleton<SimulatedTaskWatch>()
                .AddSingleton<ITaskObserver>(provider => provider.GetRequiredService<SimulatedTaskWatch>())
                .AddSingleton<ITaskChangeObserver>(provider => provider.GetRequiredService<SimulatedTaskWatch>())
                .BuildServiceProvider();
            return await RunAsync(services, clock, request, ct);
        }
        finally
        {
            BusFlowDatabase.ReleaseConnections(storage);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<SimulationResult> RunAsync(IServiceProvider services, VirtualClock clock, SimulationRequest request, CancellationToken ct)
    {
        await BusFlowDatabase.MigrateAsync(services, ct);
        var published = await services.GetRequiredService<WorkflowFolderPublisher>().PublishAsync(request.WorkflowsFolder, ct);
        if (!published.Succeeded)
        {
            throw new DefinitionValidationException(published.Errors);
        }

        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var store = services.GetRequiredService<IWorkflowStore>();
        var calendar = services.GetRequiredService<IWorkingDayCalendar>();
        var plans = services.GetRequiredService<MeetingPlanEditor>();
        var end = request.To.AtStartOfDayInZone(request.Zone).ToInstant();
        if (!request.Demo && request.SetupFile is { } records && !request.StartCycles)
        {
            await ImportSetupAsync(store, clock, records, request, ct);
        }

        var (headline, responder) = request.Demo
            ? await StartDemoAsync(runtime, store, calendar, plans, clock, request, ct)
            : request.SetupFile is { } setupFile && request.StartCycles
            ? await StartSetupAsync(runtime, store, calendar, plans, clock, setupFile, request, ct)
            : ((await runtime.StartAsync(new StartRequest(request.WorkflowId, request.Input, Actor: Actor), ct)).Instance.Id,
               request.Answer.CreateResponder(calendar, request.Zone, request.AnswerAfterWorkingDays));
        var digest = new SimulatedWeeklyDigest(services.GetRequiredService<WeeklyDigest>(), services.GetRequiredService<DigestSchedule>());
        var handOver = new SimulatedRoleHandOver(services.GetRequiredService<RoleTaskHandOver>(), request.Zone);
        await new WorkflowSimulator(runtime, store, clock, [digest, handOver], services.GetRequiredService<SimulatedTaskWatch>()).RunUntilAsync(end, responder, ct);

        WorkflowInstance instance;
        await using (var session = await store.BeginAsync(ct))
        {
            instance = await session.FindInstanceAsync(headline, ct)
                ?? throw new InvalidOperationException($"The simulated instance {headline} is gone.");
        }

        return new SimulationResult(instance, await SimulationTimeline.ReadAsync(store, request.Zone, digest.Sent, ct), end);
    }

    /// <summary>Imports a setup file and starts its agreements' cycles.</summary>
    /// <exception cref="SetupRejectedException">The file has mistakes; nothing ran.</exception>
    private static async Task<(Guid Headline, ISimulatedResponder Responder)> StartSetupAsync(
        WorkflowRuntime runtime, IWorkflowStore store, IWorkingDayCalendar calendar, MeetingPlanEditor plans, VirtualClock clock, string setupFile, SimulationRequest request, CancellationToken ct)
    {
        await ImportSetupAsync(store, clock, setupFile, request, ct);
        return await StartCyclesAsync(runtime, store, calendar, plans, setupFile, request, ct);
    }

    /// <exception cref="SetupRejectedException">The file has mistakes; nothing ran.</exception>
    private static async Task ImportSetupAsync(IWorkflowStore store, VirtualClock clock, string setupFile, SimulationRequest request, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var imported = await SetupImport.ImportAsync(
            session.Facet<IBusRecords>(), setupFile, await File.ReadAllTextAsync(setupFile, ct), request.SetupAsOf ?? request.From, clock.GetCurrentInstant(), ct);
        if (!imported.Succeeded)
        {
            throw new SetupRejectedException(imported.Problems);
        }

        await session.CommitAsync(ct);
    }

    /// <summary>Seeds the demo municipality, as a first start of the embedded default does, and starts its agreement's cycles.</summary>
    private static async Task<(Guid Headline, ISimulatedResponder Responder)> StartDemoAsync(
        WorkflowRuntime runtime, IWorkflowStore store, IWorkingDayCalendar calendar, MeetingPlanEditor plans, VirtualClock clock, SimulationRequest request, CancellationToken ct)
    {
        await using (var session = await store.BeginAsync(ct))
        {
            await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), clock.GetCurrentInstant(), ct);
            await session.CommitAsync(ct);
        }

        return await StartCyclesAsync(runtime, store, calendar, plans, "the demo", request, ct);
    }

    /// <summary>Starts the cycles of every agreement in force; the renewal of the first active agreement (its annual wheel, when it is revised in place) is the run's headline instance.</summary>
    private static async Task<(Guid Headline, ISimulatedResponder Responder)> StartCyclesAsync(
        WorkflowRuntime runtime, IWorkflowStore store, IWorkingDayCalendar calendar, MeetingPlanEditor plans, string source, SimulationRequest request, CancellationToken ct)
    {
        await AgreementCycles.EnsureStartedAsync(runtime, store, ct);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        var agreement = (await records.ListAgreementsAsync(ct)).FirstOrDefault(a => a.Status == AgreementStatus.Active)
            ?? throw new InvalidOperationException($"{source} has no active agreement to run.");
        var parties = agreement.PartyBoardIds;
        var firstSecretary = parties.Count == 0 ? null : (await records.FindRoleHolderAsync(RoleKind.Secretary, parties[0], request.From, ct))?.Email;
        var firstChair = parties.Count == 0 ? null : (await records.FindRoleHolderAsync(RoleKind.Chair, parties[0], request.From, ct))?.Email;
        // An agreement revised in place has no renewal: its annual wheel is the run's headline then.
        var headline = (await session.FindInstanceByCorrelationKeyAsync(AgreementCycles.RenewalWorkflow, AgreementCycles.RenewalKey(agreement.Id), ct)
                ?? await session.FindInstanceByCorrelationKeyAsync(AgreementCycles.AnnualCycleWorkflow, AgreementCycles.AnnualCycleKey(agreement.Id), ct))?.Id
            ?? throw new InvalidOperationException($"Neither the renewal nor the annual wheel of {agreement.Id} started.");
        var responder = BoardResponder.ForPolicy(request.ResponsePolicy, calendar, request.Zone, parties, firstSecretary, firstChair);
        return (headline, new MeetingPlanSecretary(responder, plans, store, calendar));
    }
}
