using BusFlow.Engine.Runtime;
using Hangfire;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Hangfire.Timers;

/// <summary>Wakes the engine at a timer's due time through a scheduled Hangfire job.</summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, ILogger<HangfireTimerScheduler> logger) : ITimerScheduler
{
    public void Schedule(Guid timerId, Instant dueAt)
    {
        try
        {
            // Hangfire hands the job its own cancellation token in place of this placeholder.
            jobs.Schedule<TimerJobs>(j => j.FireAsync(timerId, CancellationToken.None), dueAt.ToDateTimeOffset());
        }
#pragma warning disable CA1031 // The timer is already committed: the caller can do nothing with a failure here.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not schedule timer {TimerId} due at {DueAt}; the timer sweep will fire it.", timerId, dueAt);
        }
    }
}
