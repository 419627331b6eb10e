using BusFlow.Host.Configuration;
using BusFlow.Notifications.Delivery;

namespace BusFlow.Host.Hosting;

/// <summary>
/// Where the links in mail point when BusFlow:Mail:LinkBaseUrl is not set: at the address the host
/// listens on. While the host prepares (the demo's first mails) that is the configured address; from
/// the moment Kestrel listens it is the real one, so a port 0 becomes the port that was given.
/// </summary>
public static class MailLinkAddress
{
    public const string LinkBaseUrlKey = $"{BusFlowSettings.Section}:Mail:LinkBaseUrl";

    private static readonly string[] WildcardHosts = ["*", "+", "0.0.0.0", "[::]"];

    public static bool IsConfigured(IConfiguration configuration) => configuration[LinkBaseUrlKey] is { Length: > 0 };

    public static void FollowListeningAddress(WebApplication app, string configuredUrls)
    {
        var mail = app.Services.GetRequiredService<MailOptions>();
        mail.LinkBaseUrl = LinkBaseOf(configuredUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        app.Lifetime.ApplicationStarted.Register(() => mail.LinkBaseUrl = LinkBaseOf(app.Urls));
    }

    /// <summary>The first https address, else the first; a host that means "every interface" becomes localhost.</summary>
    public static string LinkBaseOf(IEnumerable<string> urls)
    {
        var all = urls.ToList();
        var chosen = all.FirstOrDefault(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? all.FirstOrDefault() ?? BusFlowSettings.DefaultUrls;
        var scheme = chosen[..(chosen.IndexOf("://", StringComparison.Ordinal) + 3)];
        var authority = chosen[scheme.Length..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        var (host, port) = colon > authority.LastIndexOf(']') ? (authority[..colon], authority[colon..]) : (authority, "");
        return scheme + (WildcardHosts.Contains(host) ? "localhost" : host) + port;
    }
}
