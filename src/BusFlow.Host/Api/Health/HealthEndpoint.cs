using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BusFlow.Host.Api.Health;

public static class HealthEndpoint
{
    public const string Path = "/health";
    public const string LivenessPath = "/health/live";
    public const string ReadinessPath = "/health/ready";
    public const string DatabaseCheck = "database";
    public const string MigrationsCheck = "migrations";
    public const string LateTimersCheck = "lateTimers";
    public const string WorkflowFolderCheck = "workflowsFolder";
    public const string OutboxCheck = "outbox";

    /// <summary>The checks that only readiness runs: /health stays what load balancers have always asked.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// GET /health, open to load balancers: 200 {"status":"Healthy"} when the database answers, else 503 {"status":"Unhealthy"}; nothing more.
    /// GET /health/live, open: 200 {"status":"Healthy"} while the process answers at all; it asks no database, so a node
    /// whose database is down is not restarted for it.
    /// GET /health/ready, open too: 503 Unhealthy while the database does not answer (within BusFlow:Health:CheckTimeout),
    /// a migration is pending or the workflows folder is not published yet; 200 Degraded while timers are late, the
    /// outbox is stuck or the folder has errors; with each check's status and counts (counts only).
    /// </summary>
    public static void MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(ReadinessTag),
            ResponseWriter = WriteStatusAsync,
        }).AllowAnonymous();
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteStatusAsync,
        }).AllowAnonymous();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { ResponseWriter = WriteReadinessAsync }).AllowAnonymous();
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }));
    }

    /// <summary>
    /// Only statuses and counts are written: a failing check's exception or description could tell more
    /// than a stranger should know. A count is null when its check could not ask the database.
    /// </summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var database = Entry(report, DatabaseCheck);
        var migrations = Entry(report, MigrationsCheck);
        var folder = Entry(report, WorkflowFolderCheck);
        var late = Entry(report, LateTimersCheck);
        var outbox = Entry(report, OutboxCheck);
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            database = new { status = database.Status.ToString() },
            migrations = new
            {
                status = migrations.Status.ToString(),
                pending = Datum(migrations, MigrationsHealthCheck.PendingKey),
            },
            workflowsFolder = new
            {
                status = folder.Status.ToString(),
                published = Datum(folder, WorkflowFolderHealthCheck.PublishedKey) ?? false,
                errors = Datum(folder, WorkflowFolderHealthCheck.ErrorsKey) ?? 0,
            },
            lateTimers = new
            {
                status = late.Status.ToString(),
                count = Datum(late, LateTimersHealthCheck.CountKey),
                oldestDue = Datum(late, LateTimersHealthCheck.OldestDueKey) is string { Length: > 0 } oldest ? oldest : null,
            },
            outbox = new
            {
                status = outbox.Status.ToString(),
                due = Datum(outbox, OutboxHealthCheck.DueKey),
                oldestDue = Datum(outbox, OutboxHealthCheck.OldestDueKey) is string { Length: > 0 } oldestDue ? oldestDue : null,
            },
        }));
    }

    private static HealthReportEntry Entry(HealthReport report, string check) =>
        report.Entries.TryGetValue(check, out var entry) ? entry : default;

    private static object? Datum(HealthReportEntry entry, string key) => entry.Data?.GetValueOrDefault(key);
}
