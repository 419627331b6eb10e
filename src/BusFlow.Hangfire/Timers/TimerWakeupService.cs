using BusFlow.Engine.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Hangfire.Timers;

/// <summary>
/// Wakes at each moment in <see cref="TimerWakeups"/> and fires every due timer, as the sweep does
/// (each in its own transaction, claimed with SKIP LOCKED, so a Hangfire job firing at the same
/// time takes the others). A pass that fails is left to the timers' Hangfire jobs.
/// </summary>
public sealed class TimerWakeupService(
    TimerWakeups wakeups,
    WorkflowRuntime runtime,
    IClock clock,
    ILogger<TimerWakeupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var (next, earlier) = wakeups.Next();
            var wait = next is { } at ? at - clock.GetCurrentInstant() : Duration.MaxValue;
            if (wait > Duration.Zero)
            {
                var delay = wait > TimerWakeups.Horizon ? TimerWakeups.Horizon.ToTimeSpan() : wait.ToTimeSpan();
                using (var sleeping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    await Task.WhenAny(earlier, Task.Delay(delay, sleeping.Token));
                    await sleeping.CancelAsync();
                }

                if (earlier.IsCompleted || stoppingToken.IsCancellationRequested || next is null)
                {
                    continue;
                }
            }

            wakeups.Reached(next!.Value);
            await FireDueAsync(stoppingToken);
        }
    }

    private async Task FireDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            await runtime.FireDueTimersAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The timers stay pending and their Hangfire jobs fire them: this helper only makes them punctual.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Firing due timers on this node failed; their Hangfire jobs will fire them.");
        }
    }
}
