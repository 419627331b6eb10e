using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using BusFlow.Notifications.Links;
using Microsoft.AspNetCore.Http.Features;

namespace BusFlow.Host.Pages;

/// <summary>
/// The link pages' rate limit, three limits chained: per client address, per link secret presented
/// in the path, and per code posted in a form. A request must pass all three, so rotating source
/// addresses gains nothing against one link or code. Other paths are not limited here.
/// </summary>
public static class LinkRateLimiter
{
    /// <summary>The form field that carries a task code on the /t/kod pages.</summary>
    public const string CodeField = "code";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Partition keys are keyed hashes: memory holds neither a secret nor the hash it is stored under.
    private static readonly byte[] PartitionKey = RandomNumberGenerator.GetBytes(32);

    public static PartitionedRateLimiter<HttpContext> Create(LinkRequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(ClientOf(http), limits.PerClientPerMinute)),
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(LinkOf(http), limits.PerLinkPerMinute)),
            PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(CodeOf(http), limits.PerLinkPerMinute)));
    }

    /// <summary>Whether a path is one of the link pages: what a mailed link or code opens.</summary>
    public static bool IsLinkPage(PathString path) => path.StartsWithSegments("/t") || path.StartsWithSegments("/unsubscribe") || path.StartsWithSegments("/avvikelse");

    /// <summary>Whether a request posts a code in its form, which must then be read before the limit is applied.</summary>
    public static bool PostsCode(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(TaskMailLinks.CodePath) && request.HasFormContentType;
    }

    private static RateLimitPartition<string> Partition(string? key, int permitsPerMinute) =>
        key is null
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = Window, QueueLimit = 0 });

    private static string? ClientOf(HttpContext http) =>
        IsLinkPage(http.Request.Path) ? "client:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown") : null;

    private static string? LinkOf(HttpContext http) =>
        IsLinkPage(http.Request.Path) && http.Request.RouteValues["secret"] is string secret ? HashedKey("link", secret) : null;

    /// <summary>The code of a /t/kod form, read (without blocking) only when the form was read before the limiter ran.</summary>
    private static string? CodeOf(HttpContext http) =>
        PostsCode(http.Request) && http.Features.Get<IFormFeature>()?.Form?[CodeField].FirstOrDefault() is { } typed
        && LinkKey.NormalizeCode(typed) is { } code
            ? HashedKey("code", code)
            : null;

    private static string HashedKey(string kind, string secret) =>
        kind + ":" + Convert.ToBase64String(HMACSHA256.HashData(PartitionKey, Encoding.UTF8.GetBytes(secret)).AsSpan(0, 16));
}
