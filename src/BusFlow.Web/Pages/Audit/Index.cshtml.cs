using BusFlow.Accounts.Audit;
using BusFlow.Engine.Time;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Audit;

/// <summary>The audit log for administrators: the newest lines, filtered by who or what, and the same lines as CSV.</summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class AuditModel(IAuditLog log, EngineOptions engine) : PageModel
{
    public const int Shown = 200;
    private static readonly LocalDateTimePattern LocalTime = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm:ss");

    public IReadOnlyList<AuditEntry> Lines { get; private set; } = [];

    public string Actor { get; private set; } = "";

    public string Action { get; private set; } = "";

    public string ExportPath { get; private set; } = "/api/audit.csv";

    public string Local(Instant at) => LocalTime.Format(at.InZone(engine.TimeZone).LocalDateTime);

    public async Task OnGetAsync(string? actor, string? action)
    {
        Actor = actor?.Trim() ?? "";
        Action = action?.Trim() ?? "";
        Lines = await log.ListAsync(new AuditQuery(Blank(Actor), Blank(Action), Take: Shown), HttpContext.RequestAborted);
        var filters = new[] { ("actor", Actor), ("action", Action) }.Where(f => f.Item2.Length > 0).Select(f => $"{f.Item1}={Uri.EscapeDataString(f.Item2)}");
        ExportPath = "/api/audit.csv" + (filters.Any() ? "?" + string.Join('&', filters) : "");
    }

    private static string? Blank(string value) => value.Length > 0 ? value : null;
}
