using System.Collections.Concurrent;
using BusFlow.Engine.Runtime;
using Hangfire;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Hangfire.Timers;

/// <summary>
/// Wakes the engine at a timer's due time. Hangfire carries it durably: one scheduled job per due
/// second (<see cref="TimerJobs.FireDueAsync"/>), which fires every timer due by then, so a second
/// with a hundred timers costs Hangfire one job, not a hundred. This node remembers the seconds it
/// has scheduled and does not schedule them again. On top of that, <see cref="TimerWakeups"/> wakes
/// this node itself at the due time, so its own timers do not wait for Hangfire's polling; the job
/// then finds them fired, or fires them when this node is gone.
/// </summary>
public sealed class HangfireTimerScheduler(
    IBackgroundJobClient jobs,
    TimerWakeups wakeups,
    IClock clock,
    ILogger<HangfireTimerScheduler> logger) : ITimerScheduler
{
    /// <summary>
    /// A second is remembered only while its job cannot have started: at least this far ahead, on
    /// this node's clock. A timer due sooner (or already due) goes to the first second that far ahead.
    /// </summary>
    internal static readonly Duration Lead = Duration.FromSeconds(1);

    private static readonly Duration ForgetAfter = Duration.FromMinutes(1);

    private readonly ConcurrentDictionary<long, bool> _scheduledSeconds = new();
    private long _forgottenUpTo;

    public void Schedule(Guid timerId, Instant dueAt)
    {
        var now = clock.GetCurrentInstant();
        wakeups.Arm(dueAt, now);
        var second = DueSecond(dueAt, now);
        if (!_scheduledSeconds.TryAdd(second, true))
        {
            return;
        }

        try
        {
            // Hangfire hands the job its own cancellation token in place of this placeholder.
            var at = DateTimeOffset.FromUnixTimeSeconds(second);
            jobs.Schedule<TimerJobs>(j => j.FireDueAsync(at, CancellationToken.None), at);
        }
#pragma warning disable CA1031 // The timer is already committed: the caller can do nothing with a failure here.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _scheduledSeconds.TryRemove(second, out _);
            logger.LogWarning(ex, "Could not schedule the job for timers due by {Second} (timer {TimerId} due at {DueAt}); the timer sweep will fire it.", second, timerId, dueAt);
        }

        Forget(now);
    }

    /// <summary>The whole second whose job fires a timer due at <paramref name="dueAt"/>: its due time rounded up, at least <see cref="Lead"/> ahead.</summary>
    internal static long DueSecond(Instant dueAt, Instant now)
    {
        var dueSecond = (dueAt.ToUnixTimeTicks() + NodaConstants.TicksPerSecond - 1) / NodaConstants.TicksPerSecond;
        var earliest = (now + Lead).ToUnixTimeTicks();
        var earliestSecond = (earliest + NodaConstants.TicksPerSecond - 1) / NodaConstants.TicksPerSecond;
        return Math.Max(dueSecond, earliestSecond);
    }

    /// <summary>Seconds long past are dropped, at most once a minute, so the memory holds only the seconds still to come.</summary>
    private void Forget(Instant now)
    {
        var before = (now - ForgetAfter).ToUnixTimeSeconds();
        var forgotten = Interlocked.Read(ref _forgottenUpTo);
        if (before - forgotten < ForgetAfter.TotalSeconds || Interlocked.CompareExchange(ref _forgottenUpTo, before, forgotten) != forgotten)
        {
            return;
        }

        foreach (var second in _scheduledSeconds.Keys.Where(s => s < before))
        {
            _scheduledSeconds.TryRemove(second, out _);
        }
    }
}
