using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BusFlow.Host.Api.Health;

/// <summary>
/// Runs a check that asks the database, bounded by <see cref="HealthSettings.CheckTimeout"/>: a database
/// that refuses, fails or hangs makes the check Unhealthy, and readiness answers at once all the same.
/// </summary>
internal static class DatabaseCheck
{
    public static async Task<HealthCheckResult> WithinAsync(
        HealthSettings settings, CancellationToken cancellationToken, Func<CancellationToken, Task<HealthCheckResult>> check)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.CheckTimeout);
        try
        {
            // WaitAsync: a driver that does not heed the token (a connection attempt into a silent network) is left behind.
            return await check(deadline.Token).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer within {settings.CheckTimeout}.");
        }
#pragma warning disable CA1031 // Any failure to reach the database is what these checks report.
        catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", error);
        }
    }
}
