using BusFlow.Engine.Definitions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BusFlow.Host.Api.Health;

/// <summary>
/// Degraded when the last import of the workflows folder found errors: the node serves the last good
/// published versions, but what someone put in the folder is not running.
/// </summary>
public sealed class WorkflowFolderHealthCheck(WorkflowFolderStatus status) : IHealthCheck
{
    public const string ErrorsKey = "errors";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var errors = status.Last?.Errors.Count ?? 0;
        var data = new Dictionary<string, object> { [ErrorsKey] = errors };
        return Task.FromResult(errors > 0
            ? HealthCheckResult.Degraded($"{errors} error(s) in the workflows folder; its broken files published nothing.", data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}
