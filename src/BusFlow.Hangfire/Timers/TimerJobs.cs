using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BusFlow.Hangfire.Timers;

/// <summary>
/// The Hangfire jobs behind durable timers. Their type and method names are stored with every
/// scheduled job: a rename needs its old name in <see cref="Storage.MovedJobTypes"/>, or the jobs already scheduled are stranded (the sweep would still fire those timers).
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
