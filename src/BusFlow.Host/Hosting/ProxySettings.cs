using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BusFlow.Host.Hosting;

/// <summary>
/// Behind a reverse proxy, the client's address comes from X-Forwarded-For, but only when the
/// request comes from a proxy named in BusFlow:Proxy:KnownProxies (IP addresses). The task pages'
/// rate limit and the journal's record of a link's use then see the person's address, not the proxy's.
/// </summary>
public static class ProxySettings
{
    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection("BusFlow:Proxy:KnownProxies").GetChildren()
            .Select(c => c.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => IPAddress.TryParse(v, out var ip) ? ip : throw new InvalidOperationException($"BusFlow:Proxy:KnownProxies: '{v}' is not an IP address."))
            .ToList();
    }

    /// <summary>Trusts X-Forwarded-For and X-Forwarded-Proto from the known proxies; nothing when none is named.</summary>
    public static void UseKnownProxies(this WebApplication app, IReadOnlyList<IPAddress> proxies)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (proxies.Count == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }

        app.UseForwardedHeaders(options);
    }
}
