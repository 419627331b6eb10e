using BusFlow.Notifications.Reminders;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BusFlow.Hangfire.Mail;

/// <summary>
/// Runs the weekly digest every hour; only the first run after the week's digest moment makes
/// mail, and the outbox's once-only keys make any later run (or another node's, even at the same
/// time) a no-op; so it takes no lock that could outlive a node.
/// </summary>
public sealed class WeeklyDigestJob(WeeklyDigest digest, ILogger<WeeklyDigestJob> logger)
{
    public const string RecurringJobId = "busflow-weekly-digest";

    public static void Register(IRecurringJobManager recurringJobs) =>
        recurringJobs.AddOrUpdate<WeeklyDigestJob>(
            RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Hourly(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sent = await digest.SendDueAsync(cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("{Count} weekly digest(s) put in the outbox.", sent);
        }
    }
}
