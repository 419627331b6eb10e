using System.Security.Claims;
using BusFlow.Accounts.Audit;
using NodaTime;

namespace BusFlow.Web.Accounts;

/// <summary>Writes the audit log's lines for a request (its signed-in person, or what was tried, and its client address) or for a command.</summary>
public sealed class AuditTrail(IAuditLog log, IClock clock)
{
    public Task RecordAsync(HttpContext http, string action, string? target = null, string? detail = null, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        return AppendAsync(actor ?? ActorOf(http.User), action, target, detail, http.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>A change made with <paramref name="command"/> on the server: no one is signed in, so the operating-system user is named.</summary>
    public Task RecordCommandAsync(string command, string action, string? target = null, string? detail = null) =>
        AppendAsync($"{command} ({Environment.UserName})", action, target, detail, clientAddress: null);

    /// <summary>The actor of a change: the signed-in person's address (never a header the caller chose).</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "anonymous";

    private Task AppendAsync(string actor, string action, string? target, string? detail, string? clientAddress) =>
        log.AppendAsync(new AuditEntry
        {
            At = clock.GetCurrentInstant(),
            Actor = Truncate(actor, 256)!,
            Action = action,
            Target = Truncate(target, 256),
            Detail = Truncate(detail, 1000),
            ClientAddress = clientAddress,
        }, CancellationToken.None);

    private static string? Truncate(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
}
