using BusFlow.Notifications.Delivery;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BusFlow.Hangfire.Mail;

/// <summary>
/// The recurring Hangfire job that delivers the outbox. Its type and method names are stored with the
/// recurring job: renaming them strands it until the host registers it again at its next start.
/// </summary>
public sealed class OutboxDeliveryJob(NodeDelivery delivery, IDeliveryTrigger retry, ILogger<OutboxDeliveryJob> logger)
{
    public const string RecurringJobId = "busflow-outbox-delivery";

    /// <summary>Registers (or updates) the recurring delivery at <paramref name="cron"/> (UTC).</summary>
    public static void Register(IRecurringJobManager recurringJobs, string cron) =>
        recurringJobs.AddOrUpdate<OutboxDeliveryJob>(
            RecurringJobId,
            j => j.RunAsync(CancellationToken.None),
            cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });

    /// <summary>
    /// Runs on several nodes may overlap: each message is claimed before it is sent, and a claimed one
    /// is skipped, so no lock is needed that could outlive a node; on one node runs take turns
    /// (<see cref="NodeDelivery"/>). A run that fails is not retried,
    /// since the next comes soon and does the same work.
    /// </summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        DeliveryReport report;
        try
        {
            report = await delivery.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The node's own delivery tries again within seconds (a database back from an outage is
            // found at once); Hangfire's next run may come later, as it backs off after failures.
            retry.DeliverSoon();
            throw;
        }

        if (report.Sent + report.Retrying + report.Failed + report.Withdrawn > 0)
        {
            logger.LogInformation("Outbox delivery: {Sent} sent, {Retrying} to retry, {Failed} failed, {Withdrawn} withdrawn.",
                report.Sent, report.Retrying, report.Failed, report.Withdrawn);
        }
    }
}
