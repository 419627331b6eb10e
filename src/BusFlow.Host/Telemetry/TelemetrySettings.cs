using System.Globalization;
using System.Net;

namespace BusFlow.Host.Telemetry;

/// <summary>The "BusFlow:Telemetry" section: where traces and metrics go, and who may scrape /metrics without signing in.</summary>
public sealed class TelemetrySettings
{
    public const string OtlpEndpointKey = "BusFlow:Telemetry:OtlpEndpoint";
    public const string MetricsAllowedFromKey = "BusFlow:Telemetry:MetricsAllowedFrom";
    public const string GaugeRefreshKey = "BusFlow:Telemetry:GaugeRefresh";

    public static readonly TimeSpan DefaultGaugeRefresh = TimeSpan.FromSeconds(15);

    /// <summary>An OTLP collector (e.g. http://collector:4317) that gets the traces and metrics too; none by default.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>The addresses (single IPs or CIDR networks) that may read /metrics without signing in: the scraper's. None by default.</summary>
    public IReadOnlyList<IPNetwork> MetricsAllowedFrom { get; init; } = [];

    /// <summary>How long the database's counts (instances, timers, outbox) are reused before the next scrape asks again.</summary>
    public TimeSpan GaugeRefresh { get; init; } = DefaultGaugeRefresh;

    public static TelemetrySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new TelemetrySettings
        {
            OtlpEndpoint = configuration[OtlpEndpointKey] is { Length: > 0 } otlp
                ? Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"
                    ? endpoint
                    : throw new InvalidOperationException($"{OtlpEndpointKey} '{otlp}' is not an http(s) address (e.g. http://collector:4317).")
                : null,
            MetricsAllowedFrom = [.. AllowedFrom(configuration).Select(Network)],
            GaugeRefresh = configuration[GaugeRefreshKey] is { Length: > 0 } refresh
                ? TimeSpan.TryParse(refresh, CultureInfo.InvariantCulture, out var every) && every >= TimeSpan.Zero
                    ? every
                    : throw new InvalidOperationException($"{GaugeRefreshKey} '{refresh}' is not a duration (write it as 00:00:15).")
                : DefaultGaugeRefresh,
        };
    }

    /// <summary>Whether a caller at <paramref name="address"/> may scrape without signing in.</summary>
    public bool MayScrapeFrom(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return MetricsAllowedFrom.Any(network => network.Contains(plain));
    }

    /// <summary>A list in the settings file ("MetricsAllowedFrom": ["127.0.0.1/32"]) or one comma-separated value (an environment variable).</summary>
    private static IEnumerable<string> AllowedFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection(MetricsAllowedFromKey);
        var values = section.Value is { Length: > 0 } single
            ? single.Split(',')
            : section.GetChildren().Select(child => child.Value ?? "");
        return values.Select(value => value.Trim()).Where(value => value.Length > 0);
    }

    private static IPNetwork Network(string value)
    {
        if (IPNetwork.TryParse(value, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(value, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : throw new InvalidOperationException($"{MetricsAllowedFromKey}: '{value}' is neither an IP address nor a network (write 127.0.0.1 or 10.0.0.0/24).");
    }
}
