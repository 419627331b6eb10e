using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BusFlow.Host.Api.Health;

public static class HealthEndpoint
{
    public const string Path = "/health";
    public const string ReadinessPath = "/health/ready";
    public const string DatabaseCheck = "database";
    public const string LateTimersCheck = "lateTimers";
    public const string WorkflowFolderCheck = "workflowsFolder";

    /// <summary>The checks that only readiness runs: /health stays what load balancers have always asked.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// GET /health, open to load balancers: 200 {"status":"Healthy"} when the database answers, else 503 {"status":"Unhealthy"}; nothing more.
    /// GET /health/ready, open too: the same status, Degraded while timers are late or the workflows folder has errors, with the late timers' count and oldest due time and the folder's error count (counts only).
    /// </summary>
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(ReadinessTag),
            ResponseWriter = WriteStatusAsync,
        }).AllowAnonymous();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { ResponseWriter = WriteReadinessAsync }).AllowAnonymous();
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
    }

    /// <summary>Only counts are written: a failing check's exception or description could tell more than a stranger should know.</summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var late = report.Entries.TryGetValue(LateTimersCheck, out var entry) ? entry : default;
        var folder = report.Entries.TryGetValue(WorkflowFolderCheck, out var folderEntry) ? folderEntry : default;
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            lateTimers = new
            {
                status = late.Status.ToString(),
                count = late.Data?.GetValueOrDefault(LateTimersHealthCheck.CountKey) ?? 0,
                oldestDue = late.Data?.GetValueOrDefault(LateTimersHealthCheck.OldestDueKey) is string { Length: > 0 } oldest ? oldest : null,
            },
            workflowsFolder = new
            {
                status = folder.Status.ToString(),
                errors = folder.Data?.GetValueOrDefault(WorkflowFolderHealthCheck.ErrorsKey) ?? 0,
            },
        }));
    }
}
