using BusFlow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BusFlow.Host.Api.Health;

/// <summary>
/// Unhealthy while the database lacks a migration this build expects (run `busflow migrate`): the
/// node would fail on the tables or columns that are not there yet.
/// </summary>
public sealed class MigrationsHealthCheck(IDbContextFactory<BusFlowDbContext> contexts, HealthSettings settings) : IHealthCheck
{
    public const string PendingKey = "pending";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        DatabaseCheck.WithinAsync(settings, cancellationToken, async ct =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            var data = new Dictionary<string, object> { [PendingKey] = pending };
            return pending > 0
                ? HealthCheckResult.Unhealthy($"{pending} migration(s) are not applied to the database.", data: data)
                : HealthCheckResult.Healthy(data: data);
        });
}
