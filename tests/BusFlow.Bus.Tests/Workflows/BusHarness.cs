using System.Text.Json.Nodes;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using BusFlow.Engine;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Simulation;
using BusFlow.Engine.Time;
using BusFlow.Notifications;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Templates;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// The BUS workflows as shipped in workflows/, with the message templates of templates/, on a real
/// SQLite database seeded with the demo municipality, driven by the simulator on a virtual clock.
/// </summary>
public sealed class BusHarness : IAsyncDisposable
{
    public static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private BusHarness(TestDatabase database, ServiceProvider services, VirtualClock clock)
    {
        _database = database;
        _services = services;
        Clock = clock;
    }

    public VirtualClock Clock { get; }
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();
    public IWorkingDayCalendar Calendar => _services.GetRequiredService<IWorkingDayCalendar>();

    public static Task<BusHarness> StartAsync(LocalDateTime start) => StartAsync(start, setupExample: null);

    /// <summary>The shipped workflows on a database holding one of the example setups of examples/ (imported on the start's day) instead of the demo.</summary>
    public static async Task<BusHarness> StartAsync(LocalDateTime start, string? setupExample)
    {
        var database = SqliteTestDatabase.Create();
        var clock = new VirtualClock(start.InZoneStrictly(Stockholm).ToInstant());
        var services = database.BuildServices(s => s
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddBusFlowEngine(new EngineOptions { TimeZone = Stockholm })
            .AddBusFlowBus()
            .AddSingleton(LinkKey.Generate())
            .AddSingleton<IMessageTemplates>(new FluidMessageTemplates(Path.Combine(RepositoryRoot.Path, "templates"), Stockholm.Id))
            .AddBusFlowNotifications());
        await BusFlowDatabase.MigrateAsync(services);
        var harness = new BusHarness(database, services, clock);
        await harness.PublishShippedWorkflowsAsync();
        await using (var session = await harness.Store.BeginAsync())
        {
            if (setupExample is null)
            {
                await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), clock.GetCurrentInstant(), CancellationToken.None);
            }
            else
            {
                var file = Path.Combine(RepositoryRoot.Path, "examples", setupExample);
                var imported = await SetupImport.ImportAsync(session.Facet<IBusRecords>(), file, await File.ReadAllTextAsync(file), start.Date, clock.GetCurrentInstant(), CancellationToken.None);
                Assert.True(imported.Succeeded, string.Join(Environment.NewLine, imported.Problems));
            }

            await session.CommitAsync(CancellationToken.None);
        }

        return harness;
    }

    private async Task PublishShippedWorkflowsAsync()
    {
        var catalog = _services.GetRequiredService<DefinitionCatalog>();
        var loaded = catalog.Loader.LoadFolder(Path.Combine(RepositoryRoot.Path, "workflows"));
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
        await catalog.PublishAsync(Store, loaded.Definitions, Clock.GetCurrentInstant(), CancellationToken.None);
    }

    /// <summary>Publishes a definition written by a test beside the shipped ones.</summary>
    public async Task PublishAsync(string json, string fileName)
    {
        var catalog = _services.GetRequiredService<DefinitionCatalog>();
        var loaded = catalog.Loader.Load(json, fileName);
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
        await catalog.PublishAsync(Store, loaded.Definitions, Clock.GetCurrentInstant(), CancellationToken.None);
    }

    public async Task<WorkflowInstance> StartAsync(string definitionId, JsonObject input, string? correlationKey = null) =>
        (await Runtime.StartAsync(new StartRequest(definitionId, input, correlationKey))).Instance;

    /// <summary>Lets time pass until <paramref name="until"/> with nobody answering.</summary>
    public Task RunUntilAsync(LocalDateTime until) =>
        new WorkflowSimulator(Runtime, Store, Clock).RunUntilAsync(until.InZoneStrictly(Stockholm).ToInstant(), responder: null);

    public Task RunUntilAsync(LocalDateTime until, ISimulatedResponder responder) =>
        new WorkflowSimulator(Runtime, Store, Clock).RunUntilAsync(until.InZoneStrictly(Stockholm).ToInstant(), responder);

    public async Task<T> ReadAsync<T>(Func<IWorkflowSession, IBusRecords, Task<T>> read)
    {
        await using var session = await Store.BeginAsync();
        return await read(session, session.Facet<IBusRecords>());
    }

    public Task<WorkflowInstance> InstanceAsync(Guid id) => ReadAsync(async (s, _) => (await s.FindInstanceAsync(id, default))!);

    public Task<IReadOnlyList<WorkflowInstance>> InstancesAsync(string definitionId) =>
        ReadAsync((s, _) => s.ListInstancesAsync(new InstanceQuery(DefinitionId: definitionId, Take: 1000), default));

    public Task<IReadOnlyList<HumanTask>> AllTasksAsync() =>
        ReadAsync((s, _) => s.ListTasksAsync(new TaskQuery(Take: 10_000), default));

    public IServiceProvider Services => _services;

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid instanceId) => ReadAsync((s, _) => s.ListJournalAsync(instanceId, default));

    /// <summary>Every message the workflows put in the outbox, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync() =>
        [.. (await ReadAsync((s, _) => s.Facet<IOutbox>().ListAsync(new OutboxQuery(Take: 10_000), default))).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)];

    public Task<Agreement?> AgreementAsync(string id) => ReadAsync((_, r) => r.FindAgreementAsync(id, default));

    public Task<IReadOnlyList<PartyDecision>> DecisionsAsync(string agreementId) => ReadAsync((_, r) => r.ListDecisionsAsync(agreementId, default));

    public async Task<JsonObject> VariablesAsync(Guid instanceId) =>
        ExecutionState.Deserialize((await InstanceAsync(instanceId)).StateJson).Variables;

    public static LocalDateTime Local(Instant instant) => instant.InZone(Stockholm).LocalDateTime;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
