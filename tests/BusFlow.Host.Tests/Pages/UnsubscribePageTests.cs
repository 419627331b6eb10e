using System.Net;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Preferences;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Pages;

/// <summary>One-click unsubscribe from the weekly digest (RFC 8058) over real HTTP.</summary>
public sealed class UnsubscribePageTests
{
    [Fact]
    public async Task The_page_asks_first_and_a_mail_clients_one_click_post_turns_the_digest_off_once_and_for_all()
    {
        await using var host = await TaskPageHost.StartAsync();
        var secret = await IssueAsync(host, TaskPageHost.Anna);
        using var browser = host.NewClient();

        var asked = await browser.GetAsync($"/unsubscribe/{secret}");
        var before = await PreferenceAsync(host, TaskPageHost.Anna);
        // As a mail client sends it (RFC 8058): no cookie, no antiforgery token, just the one-click body.
        var done = await browser.PostWithoutTokenAsync($"/unsubscribe/{secret}", ("List-Unsubscribe", "One-Click"));
        var again = await browser.PostWithoutTokenAsync($"/unsubscribe/{secret}", ("List-Unsubscribe", "One-Click"));
        var unknown = await browser.PostWithoutTokenAsync("/unsubscribe/AAAAAAAAAAAAAAAAAAAAAA", ("List-Unsubscribe", "One-Click"));

        Assert.Equal((HttpStatusCode.OK, "Avsluta veckosammanfattningen"), (asked.Status, asked.Heading));
        Assert.Contains(TaskPageHost.Anna, asked.Text, StringComparison.Ordinal);
        Assert.Null(before);
        Assert.Equal((HttpStatusCode.OK, "Veckosammanfattningen är avslutad"), (done.Status, done.Heading));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.False((await PreferenceAsync(host, TaskPageHost.Anna))!.WeeklyDigest);
    }

    internal static async Task<string> IssueAsync(TaskPageHost host, string address)
    {
        await using var session = await host.Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        var link = await host.Host.Services.GetRequiredService<LinkIssuer>().LiveOrNewAsync(session, new LinkRequest(LinkPurpose.Unsubscribe, address), host.Clock.GetCurrentInstant(), default);
        await session.CommitAsync(default);
        return link.Secret;
    }

    internal static Task<RecipientPreference?> PreferenceAsync(TaskPageHost host, string address) =>
        host.ReadAsync(s => s.Facet<IRecipientPreferences>().FindAsync(address, default));
}
