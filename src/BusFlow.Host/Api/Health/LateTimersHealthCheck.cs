using BusFlow.Web.Pages.Instances;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime.Text;

namespace BusFlow.Host.Api.Health;

/// <summary>
/// Degraded while some timer is late (pending longer than BusFlow:Health:LateTimerAfter after its due
/// time): reminders and deadlines are not going out, though the node itself answers.
/// </summary>
public sealed class LateTimersHealthCheck(LateTimerWatch watch, HealthSettings settings) : IHealthCheck
{
    public const string CountKey = "count";
    public const string OldestDueKey = "oldestDue";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        DatabaseCheck.WithinAsync(settings, cancellationToken, async ct =>
        {
            var late = await watch.CheckAsync(ct);
            var data = new Dictionary<string, object>
            {
                [CountKey] = late.Count,
                [OldestDueKey] = late.OldestDue is { } oldest ? InstantPattern.General.Format(oldest) : "",
            };
            return late.AnyLate
                ? HealthCheckResult.Degraded($"{late.Count} timer(s) are more than {late.After} past due.", data: data)
                : HealthCheckResult.Healthy(data: data);
        });
}
