using BusFlow.Accounts.Audit;
using BusFlow.Engine.Time;
using BusFlow.Host.Api.Csv;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Security;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Api.Accounts;

/// <summary>The audit log for administrators, as JSON or CSV; append-only, so only GET.</summary>
public static class AuditEndpoints
{
    private const int MaxTake = 5000;
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm:ss");

    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", ListAsync).RequireAuthorization(BusFlowPolicies.Administrator);
        api.MapGet("/audit.csv", ExportAsync).RequireAuthorization(BusFlowPolicies.Administrator);
    }

    private static async Task<IResult> ListAsync(string? actor, string? action, int? take, IAuditLog log, CancellationToken ct)
    {
        var lines = await log.ListAsync(new AuditQuery(actor, action, Take: Math.Clamp(take ?? 200, 1, MaxTake)), ct);
        return Results.Ok(lines.Select(l => new AuditLineResponse(l.Id, l.At, l.Actor, l.Action, l.Target, l.Detail, l.ClientAddress)).ToList());
    }

    private static async Task<IResult> ExportAsync(string? actor, string? action, int? take, IAuditLog log, EngineOptions engine, HttpContext http, CancellationToken ct)
    {
        if (take is < 1)
        {
            return ApiProblems.BadRequest("take is at least 1.").ToResult();
        }

        var lines = await log.ListAsync(new AuditQuery(actor, action, Take: Math.Clamp(take ?? MaxTake, 1, MaxTake)), ct);
        var csv = new CsvDocument().AddRow(["id", "at", "local", "actor", "action", "target", "detail", "clientAddress"]);
        foreach (var line in lines)
        {
            csv.AddRow([line.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), InstantPattern.General.Format(line.At),
                Local.Format(line.At.InZone(engine.TimeZone).LocalDateTime), line.Actor, line.Action, line.Target, line.Detail, line.ClientAddress]);
        }

        http.Response.Headers.ContentDisposition = "attachment; filename=\"busflow-audit.csv\"";
        return Results.Bytes(csv.ToUtf8WithByteOrderMark(), CsvDocument.ContentType);
    }
}

public sealed record AuditLineResponse(long Id, Instant At, string Actor, string Action, string? Target, string? Detail, string? ClientAddress);
