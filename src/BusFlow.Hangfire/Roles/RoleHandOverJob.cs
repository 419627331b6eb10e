using BusFlow.Engine.Reminders;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BusFlow.Hangfire.Roles;

/// <summary>
/// Hands open tasks for a role to its new holder each night (<see cref="RoleTaskHandOver"/>): roles change
/// hands at midnight, on 1 January after an election above all. A night missed while no node ran is made
/// up at the next start, and a second run the same day finds nothing to hand over; two at once meet
/// at each task's row version, so it takes no lock that could outlive a node.
/// </summary>
public sealed class RoleHandOverJob(RoleTaskHandOver handOver, ILogger<RoleHandOverJob> logger)
{
    public const string RecurringJobId = "busflow-role-hand-over";

    public static void Register(IRecurringJobManager recurringJobs, string timeZone) =>
        recurringJobs.AddOrUpdate<RoleHandOverJob>(
            RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Daily(0, 15),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZone) });

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handedOver = await handOver.HandOverAsync(cancellationToken);
        if (handedOver > 0)
        {
            logger.LogInformation("{Count} open task(s) handed over to the new holder of their role.", handedOver);
        }
    }
}
