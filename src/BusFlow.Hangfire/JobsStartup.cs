using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Hangfire.Mail;
using BusFlow.Hangfire.Roles;
using BusFlow.Hangfire.Timers;
using BusFlow.Notifications.Delivery;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BusFlow.Hangfire;

/// <summary>
/// At host start, before the Hangfire server works: registers every recurring job — the timer sweep,
/// the outbox delivery, the weekly digest, the nightly hand-over of role tasks — and, when the job
/// storage is in memory and so forgot every job at the last stop, schedules a job for each pending
/// timer in the database. Runs as a hosted service, so the database must be migrated before the host starts.
/// </summary>
public sealed class JobsStartup(
    IRecurringJobManager recurringJobs,
    HangfireTimerScheduler scheduler,
    IWorkflowStore store,
    JobOptions options,
    MailOptions mail,
    EngineOptions engine,
    ILogger<JobsStartup> logger) : IHostedService
{
    public const string SweepJobId = "busflow-timer-sweep";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<TimerJobs>(
            SweepJobId,
            j => j.SweepAsync(CancellationToken.None),
            options.SweepCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        OutboxDeliveryJob.Register(recurringJobs, mail.DeliveryCron);
        WeeklyDigestJob.Register(recurringJobs);
        RoleHandOverJob.Register(recurringJobs, engine.TimeZone.Id);

        if (options.IsInMemory)
        {
            await SchedulePendingTimersAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SchedulePendingTimersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DurableTimer> pending;
        await using (var session = await store.BeginAsync(cancellationToken))
        {
            pending = await session.ListPendingTimersAsync(cancellationToken);
        }

        foreach (var timer in pending)
        {
            scheduler.Schedule(timer.Id, timer.DueAt);
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Scheduled {Count} pending timers again in the in-memory job storage.", pending.Count);
        }
    }
}
