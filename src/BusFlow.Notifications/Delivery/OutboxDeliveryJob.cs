using Hangfire;
using Microsoft.Extensions.Logging;

namespace BusFlow.Notifications.Delivery;

/// <summary>
/// The recurring Hangfire job that delivers the outbox. Its type and method names are stored with the
/// recurring job: renaming them strands it until the host registers it again at its next start.
/// </summary>
public sealed class OutboxDeliveryJob(OutboxDelivery delivery, ILogger<OutboxDeliveryJob> logger)
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
    /// One run at a time per job storage; a run that fails is not retried, since the next comes soon
    /// and does the same work. (Several nodes running at once would still be safe: each message is claimed.)
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var report = await delivery.DeliverDueAsync(cancellationToken);
        if (report.Sent + report.Retrying + report.Failed + report.Withdrawn > 0)
        {
            logger.LogInformation("Outbox delivery: {Sent} sent, {Retrying} to retry, {Failed} failed, {Withdrawn} withdrawn.",
                report.Sent, report.Retrying, report.Failed, report.Withdrawn);
        }
    }
}
