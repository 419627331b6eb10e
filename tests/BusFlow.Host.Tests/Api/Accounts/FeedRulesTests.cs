using System.Net;
using System.Net.Http.Json;
using BusFlow.Accounts;
using BusFlow.Host.Api.Feeds;
using BusFlow.Host.Tests.Feeds;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Accounts;

/// <summary>Whose calendar feed a person may issue: her own; an administrator anyone's; and a refusal tells nothing about who exists.</summary>
public sealed class FeedRulesTests(DirectoryHostFixture host) : IClassFixture<DirectoryHostFixture>
{
    private const string NotListed = "ingen.alls@exempelby.test";

    [Fact]
    public async Task A_person_may_issue_her_own_feed()
    {
        using var anna = await host.Host.ClientForAsync(FeedHostFixture.AnnaLindqvist, []);

        using var response = await IssueAsync(anna, $"person:{FeedHostFixture.AnnaLindqvist.ToUpperInvariant()}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"person:{FeedHostFixture.AnnaLindqvist}", (await response.ReadAsync<FeedResponse>()).Subject);
    }

    [Fact]
    public async Task A_person_may_not_issue_another_persons_feed_whatever_her_role()
    {
        using var anna = await host.Host.ClientForAsync(FeedHostFixture.AnnaLindqvist, []);
        using var viewer = await host.Host.ClientForAsync(FeedHostFixture.OlofWester, [AccountRoles.Viewer]);

        await Problems.AssertAsync(await IssueAsync(anna, $"person:{FeedHostFixture.MariaHolmgren}"), HttpStatusCode.Forbidden, "your own feed");
        await Problems.AssertAsync(await IssueAsync(viewer, $"person:{FeedHostFixture.MariaHolmgren}"), HttpStatusCode.Forbidden, "your own feed");
        using var list = await host.Host.Client.GetAsync($"/api/feeds?subject=person:{FeedHostFixture.MariaHolmgren}");
        Assert.Empty((await list.ReadAsync<List<LiveFeedResponse>>()));
    }

    [Fact]
    public async Task An_administrator_may_issue_anyones_feed()
    {
        using var response = await IssueAsync(host.Host.Client, $"person:{FeedHostFixture.JohanForsberg}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"person:{FeedHostFixture.JohanForsberg}", (await response.ReadAsync<FeedResponse>()).Subject);
    }

    [Fact]
    public async Task An_unknown_address_is_refused_exactly_as_a_known_person_the_caller_may_not_have()
    {
        using var anna = await host.Host.ClientForAsync(FeedHostFixture.AnnaLindqvist, []);

        using var known = await IssueAsync(anna, $"person:{FeedHostFixture.OlofWester}");
        using var unknown = await IssueAsync(anna, $"person:{NotListed}");

        var knownProblem = await Problems.AssertAsync(known, HttpStatusCode.Forbidden);
        var unknownProblem = await Problems.AssertAsync(unknown, HttpStatusCode.Forbidden);
        Assert.Equal(knownProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
        Assert.Equal(knownProblem.GetProperty("title").GetString(), unknownProblem.GetProperty("title").GetString());
    }

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, string subject) =>
        client.PostAsJsonAsync("/api/feeds", new { subject });
}
