using BusFlow.Engine.Definitions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BusFlow.Host.Api.Health;

/// <summary>
/// Unhealthy until the workflows folder has been published on this node; Degraded when the last
/// import found errors: the node serves the last good published versions, but what someone put in
/// the folder is not running.
/// </summary>
public sealed class WorkflowFolderHealthCheck(WorkflowFolderStatus status) : IHealthCheck
{
    public const string ErrorsKey = "errors";
    public const string PublishedKey = "published";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (status.Last is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The workflows folder has not been published on this node yet.",
                data: new Dictionary<string, object> { [PublishedKey] = false, [ErrorsKey] = 0 }));
        }

        var errors = last.Errors.Count;
        var data = new Dictionary<string, object> { [PublishedKey] = true, [ErrorsKey] = errors };
        return Task.FromResult(errors > 0
            ? HealthCheckResult.Degraded($"{errors} error(s) in the workflows folder; its broken files published nothing.", data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}
