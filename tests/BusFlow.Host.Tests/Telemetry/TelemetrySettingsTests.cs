using System.Net;
using BusFlow.Host.Configuration;
using BusFlow.Host.Telemetry;

namespace BusFlow.Host.Tests.Telemetry;

public sealed class TelemetrySettingsTests
{
    [Fact]
    public void Metrics_are_open_without_sign_in_only_to_the_listed_addresses_and_networks_and_to_none_by_default()
    {
        var settings = TelemetrySettings.From(BusFlowConfiguration.Load(new Dictionary<string, string?>
        {
            [TelemetrySettings.MetricsAllowedFromKey] = "127.0.0.1, 10.1.0.0/16",
        }));
        var unset = TelemetrySettings.From(BusFlowConfiguration.Load(new Dictionary<string, string?>()));

        Assert.True(settings.MayScrapeFrom(IPAddress.Loopback));
        Assert.True(settings.MayScrapeFrom(IPAddress.Parse("::ffff:10.1.200.3")));
        Assert.False(settings.MayScrapeFrom(IPAddress.Parse("10.2.0.1")));
        Assert.False(settings.MayScrapeFrom(IPAddress.Parse("127.0.0.2")));
        Assert.False(settings.MayScrapeFrom(null));
        Assert.False(unset.MayScrapeFrom(IPAddress.Loopback));
        Assert.Null(unset.OtlpEndpoint);
    }

    [Theory]
    [InlineData(TelemetrySettings.MetricsAllowedFromKey, "10.0.0.0/99")]
    [InlineData(TelemetrySettings.OtlpEndpointKey, "collector:4317")]
    [InlineData(TelemetrySettings.GaugeRefreshKey, "often")]
    [InlineData(LogFormat.Key, "xml")]
    public void A_setting_that_cannot_be_read_stops_the_start_with_a_message_naming_it(string key, string value)
    {
        var configuration = BusFlowConfiguration.Load(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            TelemetrySettings.From(configuration);
            LogFormat.IsJson(configuration);
        });

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
