using BusFlow.Engine;
using BusFlow.Engine.Persistence;
using BusFlow.Hangfire.Storage;
using BusFlow.Hangfire.Timers;
using BusFlow.Notifications.Delivery;
using BusFlow.Storage;
using BusFlow.Storage.Tests;
using BusFlow.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace BusFlow.Hangfire.Tests;

public sealed class JobTests
{
    [Fact]
    public async Task PostgreSql_job_storage_runs_a_scheduled_job_on_connections_of_its_own()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var services = database.BuildServices(s => s
            .AddLogging()
            .AddSingleton(new MailOptions())
            .AddBusFlowEngine()
            .AddBusFlowHangfire(new JobOptions
            {
                Storage = JobOptions.PostgreSql,
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                WorkerCount = 2,
            }));
        await BusFlowDatabase.MigrateAsync(services);
        await HangfireSchema.InstallAsync(services);

        await using var host = await HostedServices.StartAsync(services);
        var token = Guid.NewGuid();
        var ran = ProbeJob.ExpectRun(token);
        services.GetRequiredService<IBackgroundJobClient>().Schedule<ProbeJob>(j => j.Run(token), TimeSpan.FromSeconds(1));

        Assert.Equal(token, await ran.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ProbeJob%'"));
        Assert.True(
            (long)(await database.ScalarAsync(
                $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database.Name}' AND application_name = 'busflow-hangfire'"))! > 0,
            "Hangfire should hold connections of its own to the test database");
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        var sweep = Assert.Single(connection.GetRecurringJobs(), j => j.Id == JobsStartup.SweepJobId);
        Assert.Equal("* * * * *", sweep.Cron);
    }

    [Fact]
    public async Task In_memory_job_storage_gets_a_job_for_each_second_in_which_pending_timers_fall_due_at_start()
    {
        await using var database = SqliteTestDatabase.Create();
        var services = database.BuildServices(s => s
            .AddLogging()
            .AddSingleton(new MailOptions())
            .AddBusFlowEngine()
            .AddBusFlowHangfire(new JobOptions { Storage = JobOptions.InMemory, SweepCron = "*/5 * * * *" }));
        await BusFlowDatabase.MigrateAsync(services);
        var store = services.GetRequiredService<IWorkflowStore>();
        var definition = Sample.Definition();
        var instance = Sample.Instance(definition);
        // Whole seconds: a timer's job runs at its due time rounded up to the second.
        var now = Instant.FromUnixTimeSeconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeSeconds());
        var dueSoon = Sample.Timer(instance, now + Duration.FromHours(1));
        var dueInTheSameSecond = Sample.Timer(instance, dueSoon.DueAt - Duration.FromMilliseconds(400));
        var dueLater = Sample.Timer(instance, dueSoon.DueAt + Duration.FromDays(30));
        var fired = Sample.Timer(instance, dueSoon.DueAt + Duration.FromDays(1), TimerStatus.Fired);
        await using (var session = await store.BeginAsync())
        {
            session.Add(definition);
            session.Add(instance);
            session.Add(dueSoon);
            session.Add(dueInTheSameSecond);
            session.Add(dueLater);
            session.Add(fired);
            await session.CommitAsync(default);
        }

        var startup = services.GetServices<IHostedService>().OfType<JobsStartup>().Single();
        await startup.StartAsync(default);

        var jobStorage = services.GetRequiredService<JobStorage>();
        var scheduled = jobStorage.GetMonitoringApi().ScheduledJobs(0, 100)
            .Select(j => (DueBy: (DateTimeOffset)j.Value.Job.Args[0], j.Value.EnqueueAt, j.Value.Job.Method.Name))
            .OrderBy(j => j.EnqueueAt)
            .ToList();
        Assert.Equal(
            [
                (dueSoon.DueAt.ToDateTimeOffset(), dueSoon.DueAt.ToDateTimeUtc(), nameof(TimerJobs.FireDueAsync)),
                (dueLater.DueAt.ToDateTimeOffset(), dueLater.DueAt.ToDateTimeUtc(), nameof(TimerJobs.FireDueAsync)),
            ],
            scheduled);
        using var connection = jobStorage.GetConnection();
        var sweep = Assert.Single(connection.GetRecurringJobs(), j => j.Id == JobsStartup.SweepJobId);
        Assert.Equal("*/5 * * * *", sweep.Cron);
        Assert.Equal(nameof(TimerJobs.SweepAsync), sweep.Job.Method.Name);
    }

    [Fact]
    public void Job_options_refuse_an_unknown_storage()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddBusFlowHangfire(new JobOptions { Storage = "Redis" }));
    }
}
