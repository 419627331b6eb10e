using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BusFlow.Notifications.Delivery;

/// <summary>
/// Delivers the outbox on this node whenever the <see cref="DeliverySignal"/> asks, rather than at the
/// next scheduled run: a person waiting for a code or a new task gets it within moments. Requests that
/// come while a run is going make one more run, so a burst of answers makes a run or two, not one each.
/// If the node dies first, the scheduled run on any node delivers the mail: nothing depends on this but speed.
/// </summary>
public sealed class ImmediateDelivery(DeliverySignal signal, NodeDelivery delivery, ILogger<ImmediateDelivery> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await signal.WaitAsync(stoppingToken))
            {
                await DeliverAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        try
        {
            var report = await delivery.RunAsync(stoppingToken);
            if (report.Sent + report.Retrying + report.Failed + report.Withdrawn > 0)
            {
                logger.LogInformation("Immediate delivery: {Sent} sent, {Retrying} to retry, {Failed} failed, {Withdrawn} withdrawn.",
                    report.Sent, report.Retrying, report.Failed, report.Withdrawn);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed run must not end the loop: the scheduled delivery does the same work later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The database or the mail server may be away for a while: try again soon, on this node, rather
            // than wait for the scheduled run (Hangfire backs off after a database outage).
            logger.LogWarning(ex, "Immediate delivery failed; this node tries again in {Seconds} s.", RetryAfterFailure.TotalSeconds);
            await Task.Delay(RetryAfterFailure, stoppingToken);
            signal.DeliverSoon();
        }
    }
}
