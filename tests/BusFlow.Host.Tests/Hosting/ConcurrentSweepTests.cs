using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Host.Hosting;
using BusFlow.Notifications.Links;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Host.Tests.Hosting;

/// <summary>The timer sweep run by several nodes at the same moment, as every node's recurring job does.</summary>
public sealed class ConcurrentSweepTests
{
    private const int Instances = 60;

    private const string Waiting = """
        {
          "id": "waiting",
          "version": 1,
          "name": "Väntar en timme",
          "inputs": [ { "name": "n", "type": "integer", "required": true } ],
          "root": { "type": "Sequence", "id": "main", "activities": [
            { "type": "Delay", "id": "wait", "duration": "PT1H" }
          ] }
        }
        """;

    [Fact]
    public async Task Three_sweeps_at_once_on_PostgreSQL_fire_every_due_timer_once_between_them()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clock = new VirtualClock(Instant.FromUtc(2027, 3, 1, 8, 0));
        var services = database.BuildServices(s => s
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddSingleton<ITimerScheduler, NoTimerScheduler>()
            .AddSingleton(LinkKey.Generate())
            .AddBusFlowWorkflows(DateTimeZoneProviders.Tzdb["Europe/Stockholm"]));
        await BusFlowDatabase.MigrateAsync(services);
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var store = services.GetRequiredService<IWorkflowStore>();
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        await catalog.PublishAsync(store, catalog.Loader.Load(Waiting, "waiting.json").Definitions, clock.GetCurrentInstant(), default);
        for (var i = 0; i < Instances; i++)
        {
            await runtime.StartAsync(new StartRequest("waiting", new() { ["n"] = i }));
        }

        clock.Advance(Duration.FromHours(1));
        var fired = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => runtime.FireDueTimersAsync())));

        Assert.Equal(Instances, fired.Sum());
        await using var session = await store.BeginAsync();
        var instances = await session.ListInstancesAsync(new InstanceQuery(DefinitionId: "waiting", Take: int.MaxValue), default);
        Assert.Equal(Instances, instances.Count(i => i.Status == InstanceStatus.Completed));
        Assert.Equal(0, await session.CountDueTimersAsync(clock.GetCurrentInstant(), default));
        Assert.Equal((long)Instances, await database.CountJournalLinesAsync(JournalKind.TimerFired));
    }
}
