using System.Net;

namespace BusFlow.Host.Tests.Pages;

/// <summary>
/// The link pages' rate limit binds each link and each code, whatever address the requests come
/// from: behind a known proxy, forty readers at forty addresses are cut off at the link's limit.
/// </summary>
public sealed class TaskLinkRateLimitTests
{
    private const string KnownProxy = "127.0.0.1";
    private const int PerLink = 10;

    [Fact]
    public async Task Forty_requests_to_one_link_from_forty_addresses_get_the_429_page_after_the_links_limit_while_another_link_still_opens()
    {
        await using var host = await TaskPageHost.StartAsync(requestsPerMinute: 30, knownProxy: KnownProxy, requestsPerLinkPerMinute: PerLink);
        var task = await host.StartAsync("approval");
        var other = await host.StartAsync("decision");
        var link = await host.LinkAsync(task);

        var pages = new List<Page>();
        for (var i = 1; i <= 40; i++)
        {
            using var reader = host.NewClient(forwardedFor: $"203.0.113.{i}");
            pages.Add(await reader.GetAsync(link));
        }

        using var elsewhere = host.NewClient(forwardedFor: "198.51.100.1");
        var otherLink = await elsewhere.GetAsync(await host.LinkAsync(other));

        Assert.All(pages.Take(PerLink), page => Assert.Equal((HttpStatusCode.OK, "Godkänn verksamhetsplanen 2027"), (page.Status, page.Heading)));
        Assert.All(pages.Skip(PerLink), page => Assert.Equal((HttpStatusCode.TooManyRequests, "För många försök"), (page.Status, page.Heading)));
        Assert.Equal((HttpStatusCode.OK, "Registrera nämndens beslut"), (otherLink.Status, otherLink.Heading));
    }

    [Fact]
    public async Task Forty_posts_of_one_code_from_forty_addresses_get_the_429_page_after_the_codes_limit()
    {
        await using var host = await TaskPageHost.StartAsync(requestsPerMinute: 30, knownProxy: KnownProxy, requestsPerLinkPerMinute: PerLink);
        var task = await host.StartAsync("approval");
        var code = await host.CodeAsync(task);

        var pages = new List<Page>();
        for (var i = 1; i <= 40; i++)
        {
            using var reader = host.NewClient(forwardedFor: $"203.0.113.{i}");
            await reader.GetAsync("/t/kod");
            pages.Add(await reader.PostAsync("/t/kod", ("code", code)));
        }

        Assert.All(pages.Take(PerLink), page => Assert.Equal((HttpStatusCode.OK, "Godkänn verksamhetsplanen 2027"), (page.Status, page.Heading)));
        Assert.All(pages.Skip(PerLink), page => Assert.Equal((HttpStatusCode.TooManyRequests, "För många försök"), (page.Status, page.Heading)));
    }
}
