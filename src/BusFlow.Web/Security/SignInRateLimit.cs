using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BusFlow.Web.Security;

/// <summary>
/// Sign-in attempts per client address and minute; per account, Identity's lockout (five failures, fifteen
/// minutes) binds whatever address the attempts come from.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static void Add(RateLimiterOptions options, SignInSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Policy, http => http.Request.Method == HttpMethods.Post
            ? RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.AttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("reading"));
    }
}
