using BusFlow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BusFlow.Host.Api.Health;

/// <summary>Healthy when the workflow tables answer a trivial query within the check timeout.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<BusFlowDbContext> contexts, HealthSettings settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        DatabaseCheck.WithinAsync(settings, cancellationToken, async ct =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.Definitions.AnyAsync(ct);
            return HealthCheckResult.Healthy();
        });
}
