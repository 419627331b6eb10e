using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Host.Hosting;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Links;
using BusFlow.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// The engine in this process on the benchmark's database, with a virtual clock so that timers come
/// due at once, and the benchmark's definition published: what the in-process sections drive.
/// </summary>
internal sealed class EngineServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineServices(ServiceProvider services, VirtualClock clock)
    {
        _services = services;
        Clock = clock;
        Runtime = services.GetRequiredService<WorkflowRuntime>();
        Store = services.GetRequiredService<IWorkflowStore>();
        using var context = services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContext();
        ConnectionString = context.Database.GetConnectionString() ?? "";
    }

    public VirtualClock Clock { get; }

    public WorkflowRuntime Runtime { get; }

    public IWorkflowStore Store { get; }

    /// <summary>The connection string the engine's contexts use, as the storage tuned it.</summary>
    public string ConnectionString { get; }

    public IServiceProvider Services => _services;

    public static async Task<EngineServices> StartAsync(PlatformBenchmarkOptions options, MailOptions? mail, CancellationToken ct)
    {
        var clock = new VirtualClock(SystemClock.Instance.GetCurrentInstant());
        var collection = new ServiceCollection().AddLogging();
        if (mail is not null)
        {
            collection.AddSingleton(mail);
        }

        var services = collection
            .AddSingleton<IClock>(clock)
            .AddSingleton<ITimerScheduler, CapturingTimerScheduler>()
            .AddSingleton<ITaskObserver, CapturingTaskObserver>()
            .AddSingleton(new LinkKey([.. options.LinkKey]))
            .AddBusFlowWorkflows(DateTimeZoneProviders.Tzdb["Europe/Stockholm"], options.TemplatesFolder)
            .AddBusFlowStorage(options.Storage)
            .BuildServiceProvider();
        await BusFlowDatabase.MigrateAsync(services, ct);
        var catalog = services.GetRequiredService<Engine.Definitions.DefinitionCatalog>();
        var loaded = catalog.Loader.Load(WorkflowBenchmark.DefinitionJson, "benchmark.json");
        await catalog.PublishAsync(services.GetRequiredService<IWorkflowStore>(), loaded.Definitions, clock.GetCurrentInstant(), ct);
        return new EngineServices(services, clock);
    }

    /// <summary>Starts an instance of the benchmark's definition; it waits on its first task.</summary>
    public async Task<Guid> StartAsync(string key, int n, CancellationToken ct) =>
        (await Runtime.StartAsync(new StartRequest("benchmark", new() { ["n"] = n }, CorrelationKey: key), ct)).Instance.Id;

    /// <summary>
    /// The whole life of one instance, as three clients would drive it: start, a person's answer (to the task
    /// whose id the start's mail would carry), the timer's job.
    /// </summary>
    public async Task<Guid> RunInstanceAsync(string key, int n, CancellationToken ct)
    {
        var task = CapturingTaskObserver.Capture();
        var instanceId = await StartAsync(key, n, ct);
        var taskId = task.Value;
        var timer = CapturingTimerScheduler.Capture();
        var answered = await Runtime.CompleteTaskAsync(taskId, "approve", null, "benchmark", ct);
        if (answered.Status != TaskCompletionStatus.Completed || timer.Value.Id == Guid.Empty)
        {
            throw new InvalidOperationException($"The task of instance {instanceId} was not completed ({answered.Status}) or set no timer.");
        }

        // Every client moves the shared clock to its own timer's due instant; it never goes back, so each timer is due
        // when fired. To the instant, not by the delay: the delay is counted on the local calendar, and the hour
        // the clocks go back makes one local hour two.
        Clock.AdvanceTo(timer.Value.DueAt);
        var fired = await Runtime.FireTimerAsync(timer.Value.Id, ct);
        if (fired != TimerFireResult.Fired)
        {
            throw new InvalidOperationException($"The timer of instance {instanceId} did not fire ({fired}).");
        }

        return instanceId;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
