using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace BusFlow.Engine.Tests.Support;

/// <summary>
/// The engine on a real SQLite database in a temp file, with a virtual clock: what the embedded
/// default runs, minus the host.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    private readonly string _folder;
    private readonly ServiceProvider _services;

    private EngineHarness(string folder, ServiceProvider services, VirtualClock clock)
    {
        _folder = folder;
        _services = services;
        Clock = clock;
    }

    public VirtualClock Clock { get; }
    public IServiceProvider Services => _services;
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();
    public DefinitionCatalog Catalog => _services.GetRequiredService<DefinitionCatalog>();
    public IWorkingDayCalendar Calendar => _services.GetRequiredService<IWorkingDayCalendar>();

    /// <summary>A harness whose clock starts at a local date and time in Stockholm.</summary>
    public static async Task<EngineHarness> StartAsync(LocalDateTime? start = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "busflow-engine-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = new VirtualClock((start ?? new LocalDateTime(2026, 1, 5, 9, 0)).InZoneStrictly(Stockholm).ToInstant());
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton<IClock>(clock)
            .AddBusFlowStorage(new StorageOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(folder, "busflow.db")}" })
            .AddBusFlowEngine()
            .BuildServiceProvider();
        await BusFlowDatabase.MigrateAsync(services);
        return new EngineHarness(folder, services, clock);
    }

    public async Task<WorkflowDefinition> PublishAsync(string json)
    {
        var result = Catalog.Loader.Load(json, "test.json");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        await Catalog.PublishAsync(Store, result.Definitions, Clock.GetCurrentInstant(), CancellationToken.None);
        return result.Definitions[0];
    }

    public async Task<WorkflowInstance> StartAsync(string definitionId, JsonObject? input = null, string? correlationKey = null) =>
        (await Runtime.StartAsync(new StartRequest(definitionId, input, correlationKey))).Instance;

    public async Task<T> ReadAsync<T>(Func<IWorkflowSession, Task<T>> read)
    {
        await using var session = await Store.BeginAsync();
        return await read(session);
    }

    public Task<WorkflowInstance> InstanceAsync(Guid id) => ReadAsync(async s => (await s.FindInstanceAsync(id, default))!);

    public Task<IReadOnlyList<HumanTask>> TasksAsync(Guid instanceId, HumanTaskStatus? status = HumanTaskStatus.Open) =>
        ReadAsync(s => s.ListTasksAsync(new TaskQuery(InstanceId: instanceId, Status: status, Take: 1000), default));

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid instanceId) => ReadAsync(s => s.ListJournalAsync(instanceId, default));

    public Task<IReadOnlyList<DurableTimer>> PendingTimersAsync() => ReadAsync(s => s.ListPendingTimersAsync(default));

    public async Task<JsonObject> VariablesAsync(Guid instanceId)
    {
        var instance = await InstanceAsync(instanceId);
        return ExecutionState.Deserialize(instance.StateJson).Variables;
    }

    public async Task<HumanTask> SingleOpenTaskAsync(Guid instanceId) => Assert.Single(await TasksAsync(instanceId));

    /// <summary>Moves the clock to the next pending timer and fires what is due.</summary>
    public async Task<DurableTimer> FireNextTimerAsync()
    {
        var next = (await PendingTimersAsync())[0];
        Clock.AdvanceTo(next.DueAt);
        await Runtime.FireDueTimersAsync();
        return next;
    }

    public static LocalDateTime Local(Instant instant) => instant.InZone(Stockholm).LocalDateTime;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS; the temp folder is cleaned by the system.
        }
    }
}
