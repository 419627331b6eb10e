using BusFlow.Notifications.Outbox;
using BusFlow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Api.Health;

/// <summary>
/// Degraded while the outbox is stuck: its oldest due message has waited longer than
/// BusFlow:Health:OutboxStuckAfter, so mail is not going out (the mail server refuses, or no node delivers).
/// Degraded, not Unhealthy: the node itself serves, and taking it out of rotation would not send a mail.
/// </summary>
public sealed class OutboxHealthCheck(IDbContextFactory<BusFlowDbContext> contexts, IClock clock, HealthSettings settings) : IHealthCheck
{
    public const string DueKey = "due";
    public const string OldestDueKey = "oldestDue";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        DatabaseCheck.WithinAsync(settings, cancellationToken, async ct =>
        {
            var now = clock.GetCurrentInstant();
            await using var db = await contexts.CreateDbContextAsync(ct);
            var due = db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now);
            var count = await due.CountAsync(ct);
            Instant? oldest = count == 0 ? null : await due.OrderBy(m => m.NextAttemptAt).Select(m => m.NextAttemptAt).FirstAsync(ct);
            var data = new Dictionary<string, object>
            {
                [DueKey] = count,
                [OldestDueKey] = oldest is { } at ? InstantPattern.General.Format(at) : "",
            };
            return oldest is { } stuckSince && now - stuckSince > Duration.FromTimeSpan(settings.OutboxStuckAfter)
                ? HealthCheckResult.Degraded($"{count} outbox message(s) are due; the oldest for more than {settings.OutboxStuckAfter}.", data: data)
                : HealthCheckResult.Healthy(data: data);
        });
}
