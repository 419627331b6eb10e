using BusFlow.Engine;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Hangfire.Storage;
using BusFlow.Hangfire.Timers;
using BusFlow.Notifications.Delivery;
using BusFlow.Storage;
using BusFlow.Testing;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Hangfire.Tests;

/// <summary>Timers carried by Hangfire on PostgreSQL: one job per due second, and the node's own wake-up on top.</summary>
public sealed class TimerSchedulingTests
{
    private const string Waiting = """
        {
          "id": "waiting",
          "version": 1,
          "name": "Väntar tre sekunder",
          "inputs": [ { "name": "n", "type": "integer", "required": true } ],
          "root": { "type": "Sequence", "id": "main", "activities": [
            { "type": "Delay", "id": "wait", "duration": "PT3S" }
          ] }
        }
        """;

    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_hundred_timers_due_in_the_same_second_are_fired_once_each_by_one_job_when_their_node_does_not_wake_itself()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        // Frozen while the instances start, so that all hundred timers fall due at the same instant.
        var clock = new VirtualClock(SystemClock.Instance.GetCurrentInstant());
        var services = await ServicesAsync(database, clock, TimeSpan.FromSeconds(1));
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        for (var i = 0; i < 100; i++)
        {
            await runtime.StartAsync(new StartRequest("waiting", new() { ["n"] = i }));
        }

        // As when the node that started them died: Hangfire's job for their second is all that is left to fire them.
        clock.Advance(Duration.FromSeconds(4));
        await using (await HostedServices.StartAsync(services, runs: s => s is not TimerWakeupService))
        {
            Assert.Equal(100, await CompletedWithinAsync(services, 100, AtMost));
        }

        Assert.Equal(100L, await database.CountJournalLinesAsync(JournalKind.TimerFired));
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%FireDueAsync%'"));
    }

    [Fact]
    public async Task A_timer_due_while_no_job_exists_for_its_second_is_fired_by_the_sweep()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clock = new VirtualClock(SystemClock.Instance.GetCurrentInstant());
        var services = await ServicesAsync(database, clock, TimeSpan.FromSeconds(1));
        await StartWithoutAJobAsync(services, clock);

        await using (await HostedServices.StartAsync(services, runs: s => s is not TimerWakeupService))
        {
            Assert.Equal(0L, services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount());
            services.GetRequiredService<IRecurringJobManager>().Trigger(JobsStartup.SweepJobId);
            Assert.Equal(1, await CompletedWithinAsync(services, 1, AtMost));
        }
    }

    [Fact]
    public async Task A_timer_job_scheduled_before_timers_were_grouped_by_second_still_fires_its_timer()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var clock = new VirtualClock(SystemClock.Instance.GetCurrentInstant());
        var services = await ServicesAsync(database, clock, TimeSpan.FromSeconds(1));
        var timerId = await StartWithoutAJobAsync(services, clock);

        await using (await HostedServices.StartAsync(services, runs: s => s is not TimerWakeupService))
        {
            services.GetRequiredService<IBackgroundJobClient>().Schedule<TimerJobs>(j => j.FireAsync(timerId, CancellationToken.None), TimeSpan.Zero);
            Assert.Equal(1, await CompletedWithinAsync(services, 1, AtMost));
        }

        Assert.Equal(1L, await database.CountJournalLinesAsync(JournalKind.TimerFired));
    }

    [Fact]
    public async Task A_node_fires_its_own_timer_at_its_due_time_without_waiting_for_Hangfire_to_look_for_due_jobs()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        // Hangfire looks for due jobs once at start and then once an hour: only the node's own wake-up can fire the timer in time.
        var services = await ServicesAsync(database, SystemClock.Instance, TimeSpan.FromHours(1));
        await using (await HostedServices.StartAsync(services))
        {
            var started = await services.GetRequiredService<WorkflowRuntime>().StartAsync(new StartRequest("waiting", new() { ["n"] = 1 }));

            Assert.Equal(1, await CompletedWithinAsync(services, 1, TimeSpan.FromSeconds(30)));
            await using var session = await services.GetRequiredService<IWorkflowStore>().BeginAsync();
            var timer = Assert.Single(await session.ListTimersAsync(started.Instance.Id, default));
            Assert.True(timer.FiredAt - timer.DueAt < Duration.FromSeconds(5), $"fired {timer.FiredAt - timer.DueAt} after its due time");
        }
    }

    [Fact]
    public void A_node_schedules_one_job_per_due_second_and_none_for_a_second_it_already_scheduled()
    {
        var now = Instant.FromUtc(2027, 3, 1, 8, 0, 0);
        var clock = new VirtualClock(now);
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddSingleton(new MailOptions())
            .AddBusFlowEngine()
            .AddBusFlowHangfire(new JobOptions { Storage = JobOptions.InMemory })
            .BuildServiceProvider();
        var scheduler = services.GetRequiredService<HangfireTimerScheduler>();

        scheduler.Schedule(Guid.NewGuid(), now + Duration.FromMilliseconds(9_200));
        scheduler.Schedule(Guid.NewGuid(), now + Duration.FromMilliseconds(9_700));
        scheduler.Schedule(Guid.NewGuid(), now + Duration.FromSeconds(10));
        scheduler.Schedule(Guid.NewGuid(), now + Duration.FromMilliseconds(10_001));
        // Already due: its job goes a second ahead, where no job can have run yet.
        scheduler.Schedule(Guid.NewGuid(), now - Duration.FromMinutes(5));

        var scheduled = services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
            .Select(j => ((DateTimeOffset)j.Value.Job.Args[0], j.Value.Job.Method.Name))
            .Order()
            .ToList();
        Assert.Equal(
            [
                ((now + Duration.FromSeconds(1)).ToDateTimeOffset(), nameof(TimerJobs.FireDueAsync)),
                ((now + Duration.FromSeconds(10)).ToDateTimeOffset(), nameof(TimerJobs.FireDueAsync)),
                ((now + Duration.FromSeconds(11)).ToDateTimeOffset(), nameof(TimerJobs.FireDueAsync)),
            ],
            scheduled);
    }

    private static async Task<ServiceProvider> ServicesAsync(PostgresTestDatabase database, IClock clock, TimeSpan polling)
    {
        var services = database.BuildServices(s => s
            .AddLogging()
            .AddSingleton(clock)
            .AddSingleton(new MailOptions())
            .AddBusFlowEngine()
            .AddBusFlowHangfire(new JobOptions { Storage = JobOptions.PostgreSql, SchedulePollingInterval = polling, WorkerCount = 2 }));
        await BusFlowDatabase.MigrateAsync(services);
        await HangfireSchema.InstallAsync(services);
        var store = services.GetRequiredService<IWorkflowStore>();
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        await catalog.PublishAsync(store, catalog.Loader.Load(Waiting, "waiting.json").Definitions, clock.GetCurrentInstant(), default);
        return services;
    }

    /// <summary>
    /// Starts an instance whose timer is committed with no job for its second (as when Hangfire's storage
    /// could not be reached just then), and moves the clock past its due time; returns the timer's id.
    /// </summary>
    private static async Task<Guid> StartWithoutAJobAsync(ServiceProvider services, VirtualClock clock)
    {
        var started = await services.GetRequiredService<WorkflowRuntime>().StartAsync(new StartRequest("waiting", new() { ["n"] = 1 }));
        var hangfire = services.GetRequiredService<JobStorage>();
        foreach (var job in hangfire.GetMonitoringApi().ScheduledJobs(0, 100))
        {
            services.GetRequiredService<IBackgroundJobClient>().Delete(job.Key);
        }

        clock.Advance(Duration.FromSeconds(4));
        await using var session = await services.GetRequiredService<IWorkflowStore>().BeginAsync();
        return Assert.Single(await session.ListTimersAsync(started.Instance.Id, default)).Id;
    }

    private static async Task<int> CompletedWithinAsync(IServiceProvider services, int expected, TimeSpan atMost)
    {
        var store = services.GetRequiredService<IWorkflowStore>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var session = await store.BeginAsync();
            var completed = (await session.ListInstancesAsync(new InstanceQuery(DefinitionId: "waiting", Take: int.MaxValue), default))
                .Count(i => i.Status == InstanceStatus.Completed);
            if (completed >= expected || waited.Elapsed > atMost)
            {
                return completed;
            }

            await Task.Delay(200);
        }
    }
}
