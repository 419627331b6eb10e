using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using Hangfire;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Hangfire.Timers;

/// <summary>
/// The Hangfire jobs behind durable timers. Their type and method names are stored with every
/// scheduled job: a rename needs its old name in <see cref="Storage.MovedJobTypes"/>, or the jobs already scheduled are stranded (the sweep would still fire those timers).
/// </summary>
public sealed class TimerJobs(
    WorkflowRuntime runtime,
    IWorkflowStore store,
    HangfireTimerScheduler scheduler,
    IClock clock,
    ILogger<TimerJobs> logger)
{
    /// <summary>How long a job that Hangfire's clock (the database's) started early waits for this node's clock to reach its second.</summary>
    private static readonly TimeSpan MaxClockWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Fires every timer due by <paramref name="dueBy"/> (and any other due one), each in its own
    /// transaction with the sweep's SKIP LOCKED claim: the job of one due second, however many
    /// timers that second has, and whichever node runs it. Not retried: the minute's sweep does the same.
    /// </summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task FireDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken)
    {
        var early = Instant.FromDateTimeOffset(dueBy) - clock.GetCurrentInstant();
        if (early > Duration.Zero)
        {
            await Task.Delay(early.ToTimeSpan() < MaxClockWait ? early.ToTimeSpan() : MaxClockWait, cancellationToken);
        }

        var fired = await runtime.FireDueTimersAsync(cancellationToken);
        if (fired > 0)
        {
            logger.LogDebug("The job for {DueBy} fired {Count} due timers.", dueBy, fired);
        }
    }

    /// <summary>
    /// Fires one timer: the job each timer had before they were grouped by due second, kept so that
    /// jobs already scheduled under this name still run. The database decides: a timer already handled is left alone, and one that
    /// is not yet due on the engine's clock is scheduled again at its due time.
    /// </summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task FireAsync(Guid timerId, CancellationToken cancellationToken)
    {
        var result = await runtime.FireTimerAsync(timerId, cancellationToken);
        if (result != TimerFireResult.NotDue)
        {
            return;
        }

        await using var session = await store.BeginAsync(cancellationToken);
        var timer = await session.FindTimerAsync(timerId, cancellationToken);
        if (timer is { Status: TimerStatus.Pending })
        {
            logger.LogDebug("Timer {TimerId} is not due yet; scheduled again at {DueAt}.", timerId, timer.DueAt);
            scheduler.Schedule(timer.Id, timer.DueAt);
        }
    }

    /// <summary>
    /// Fires every due timer. Sweeps on several nodes may overlap: each claims the timers it fires,
    /// one at a time, and skips those another holds, so no lock is needed that could outlive a node.
    /// A sweep that fails is not retried, since the next one comes soon and does the same work.
    /// </summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var fired = await runtime.FireDueTimersAsync(cancellationToken);
        if (fired > 0)
        {
            logger.LogInformation("The timer sweep fired {Count} due timers.", fired);
        }
    }
}
