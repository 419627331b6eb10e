using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BusFlow.Storage.Jobs;

/// <summary>
/// The Hangfire jobs behind durable timers. Their type and method names are stored with every
/// scheduled job: renaming them strands the jobs already scheduled (the sweep still fires those timers).
/// </summary>
public sealed class TimerJobs(
    WorkflowRuntime runtime,
    IWorkflowStore store,
    HangfireTimerScheduler scheduler,
    ILogger<TimerJobs> logger)
{
    /// <summary>
    /// Fires one timer. The database decides: a timer already handled is left alone, and one that
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
    /// Fires every due timer. One sweep at a time; a sweep that fails is not retried, since the
    /// next one comes soon and does the same work.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
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
