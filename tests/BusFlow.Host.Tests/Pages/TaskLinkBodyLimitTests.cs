using System.Globalization;
using System.Net;
using BusFlow.Engine.Persistence;

namespace BusFlow.Host.Tests.Pages;

/// <summary>
/// What a link page takes is bounded: an oversized body is refused with a page that says why and
/// changes nothing, and a comment or fact over its limit gets the form back naming the limit.
/// </summary>
public sealed class TaskLinkBodyLimitTests
{
    private const int OneMegabyte = 1024 * 1024;

    [Fact]
    public async Task A_one_megabyte_comment_is_refused_with_a_page_saying_why_and_neither_the_task_nor_the_database_grows()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);
        var before = await TaskLinkPageTests.StateAsync(host, task);
        var bytesBefore = await DatabaseBytesAsync(host);

        var page = await browser.PostAsync(link, ("outcome", "reject"), ("comment", new string('x', OneMegabyte)));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "Det du skickade är för stort"), (page.Status, page.Heading));
        Assert.Contains("en kommentar får vara högst 4000 tecken", page.Text, StringComparison.Ordinal);
        Assert.Contains("Inget har ändrats", page.Text, StringComparison.Ordinal);
        Assert.StartsWith("text/html", page.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(before, await TaskLinkPageTests.StateAsync(host, task));
        Assert.Equal(HumanTaskStatus.Open, (await host.TaskAsync(task.Id)).Status);
        Assert.InRange(await DatabaseBytesAsync(host) - bytesBefore, 0, 8 * 1024);
    }

    [Fact]
    public async Task An_oversized_post_in_english_is_refused_in_english()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link + "?lang=en");

        var page = await browser.PostAsync(link + "?lang=en", ("outcome", "reject"), ("comment", new string('x', OneMegabyte)));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "What you sent is too large"), (page.Status, page.Heading));
    }

    [Fact]
    public async Task A_comment_over_the_limit_gets_the_form_back_naming_the_limit_and_is_not_recorded()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);
        var before = await TaskLinkPageTests.StateAsync(host, task);

        var page = await browser.PostAsync(link, ("outcome", "reject"), ("comment", new string('å', 4001)));
        var within = await browser.PostAsync(link, ("outcome", "reject"), ("comment", new string('å', 4000)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("Kommentaren är för lång: skriv högst 4000 tecken.", page.Text, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, within.Status);
        Assert.NotEqual(before, await TaskLinkPageTests.StateAsync(host, task));
        Assert.Equal(4000, (await host.TaskAsync(task.Id)).Comment!.Length);
    }

    [Fact]
    public async Task A_fact_over_its_limit_gets_the_form_back_and_facts_the_task_does_not_ask_for_are_not_kept()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("decision");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);

        var refused = await browser.PostAsync(link, ("outcome", "approve"), ("data.decisionDate", "2026-12-09"), ("data.paragraph", new string('§', 501)));
        var recorded = await browser.PostAsync(link, ("outcome", "approve"), ("data.decisionDate", "2026-12-09"), ("data.paragraph", "§ 12"), ("data.extra", new string('x', 400)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Paragraf: skriv högst 500 tecken.", refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        Assert.DoesNotContain("extra", (await host.TaskAsync(task.Id)).AnswerDataJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_megabyte_unsubscribe_post_is_refused_with_a_page_and_the_digest_stays_on()
    {
        await using var host = await TaskPageHost.StartAsync();
        var secret = await UnsubscribePageTests.IssueAsync(host, TaskPageHost.Anna);
        using var mailClient = host.NewClient();

        var page = await mailClient.PostWithoutTokenAsync($"/unsubscribe/{secret}", ("List-Unsubscribe", "One-Click"), ("padding", new string('x', OneMegabyte)));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "Det du skickade är för stort"), (page.Status, page.Heading));
        Assert.Null(await UnsubscribePageTests.PreferenceAsync(host, TaskPageHost.Anna));
    }

    /// <summary>The database's size as SQLite counts it, committed write-ahead log included.</summary>
    private static async Task<long> DatabaseBytesAsync(TaskPageHost host)
    {
        var pages = Convert.ToInt64(await host.Database.ScalarAsync("PRAGMA page_count"), CultureInfo.InvariantCulture);
        var pageSize = Convert.ToInt64(await host.Database.ScalarAsync("PRAGMA page_size"), CultureInfo.InvariantCulture);
        return pages * pageSize;
    }
}
