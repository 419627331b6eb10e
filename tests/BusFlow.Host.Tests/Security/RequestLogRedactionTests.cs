using System.Net;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BusFlow.Host.Tests.Security;

/// <summary>What the host's log gives away at Information: requests, but not the secrets in their paths.</summary>
public sealed class RequestLogRedactionTests
{
    /// <summary>What an operator might set to see more, including ASP.NET Core's own request lines.</summary>
    private static readonly Dictionary<string, string?> Verbose = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        ["Logging:Console:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
    };

    [Fact]
    public async Task The_log_at_Information_names_each_request_but_no_link_code_unsubscribe_or_feed_secret()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"busflow-log-{Guid.NewGuid():N}");
        await using var database = SqliteTestDatabase.Create();
        try
        {
            await using var demo = await DemoMailHost.StartAsync(database, folder, Verbose);
            var log = new CapturedLog();
            demo.Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
            await demo.GiveSeveralTasksAsync("anna.berg@exempelby.test");
            var secrets = MailedSecrets.In(await demo.DeliverAllAsync());
            var feed = await demo.NewFeedSecretAsync();
            var link = secrets.Links[0];
            using var client = new HttpClient();

            var page = await client.GetAsync(new Uri(demo.Url($"/t/{link}?lang=en")));
            var forged = await client.PostAsync(new Uri(demo.Url($"/t/{link}")), new FormUrlEncodedContent([KeyValuePair.Create("outcome", "approve")]));
            var byCode = await client.PostAsync(new Uri(demo.Url("/t/kod")), new FormUrlEncodedContent([KeyValuePair.Create("code", secrets.Codes[0])]));
            var calendar = await client.GetAsync(new Uri(demo.Url($"/feeds/{feed}.ics")));
            var unsubscribe = await client.GetAsync(new Uri(demo.Url($"/unsubscribe/{secrets.Unsubscribes[0]}")));
            var unknown = await client.GetAsync(new Uri(demo.Url("/unsubscribe/Tm90QVNlY3JldEF0QWxsMDE")));

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
            Assert.Contains("GET /t/[redacted] answered 200", log.Text, StringComparison.Ordinal);
            Assert.Contains($"POST /t/[redacted] answered {(int)forged.StatusCode}", log.Text, StringComparison.Ordinal);
            Assert.Contains($"POST /t/kod answered {(int)byCode.StatusCode}", log.Text, StringComparison.Ordinal);
            Assert.Contains("GET /feeds/[redacted].ics answered 200", log.Text, StringComparison.Ordinal);
            Assert.Contains("GET /unsubscribe/[redacted] answered 200", log.Text, StringComparison.Ordinal);
            Assert.Contains("Wrote mail", log.Text, StringComparison.Ordinal);
            Assert.All(
                secrets.All.Append(feed).Append("Tm90QVNlY3JldEF0QWxsMDE"),
                secret => Assert.DoesNotContain(secret, log.Text, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            await HostTeardown.DisposeAsync(null, null, null, folder);
        }
    }
}
