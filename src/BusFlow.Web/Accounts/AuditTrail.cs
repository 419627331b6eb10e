using System.Security.Claims;
using BusFlow.Accounts.Audit;
using NodaTime;

namespace BusFlow.Web.Accounts;

/// <summary>Writes the audit log's lines for a request: its signed-in person (or what was tried) and its client address.</summary>
public sealed class AuditTrail(IAuditLog log, IClock clock)
{
    public Task RecordAsync(HttpContext http, string action, string? target = null, string? detail = null, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        return log.AppendAsync(new AuditEntry
        {
            At = clock.GetCurrentInstant(),
            Actor = Truncate(actor ?? ActorOf(http.User), 256)!,
            Action = action,
            Target = Truncate(target, 256),
            Detail = Truncate(detail, 1000),
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
        }, CancellationToken.None);
    }

    /// <summary>The actor of a change: the signed-in person's address (never a header the caller chose).</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "anonymous";

    private static string? Truncate(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
}
