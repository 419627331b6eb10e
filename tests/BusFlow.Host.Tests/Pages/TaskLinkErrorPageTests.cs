using System.Net;
using System.Text;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Pages;

/// <summary>
/// A person who reaches an error on a link page gets a page that says what happened, in Swedish or
/// English, never JSON; /api keeps its problem+json.
/// </summary>
public sealed class TaskLinkErrorPageTests
{
    [Fact]
    public async Task A_method_the_link_does_not_take_gets_a_405_page_in_the_readers_language_while_the_api_keeps_its_problem()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        var before = await TaskLinkPageTests.StateAsync(host, task);
        using var browser = host.NewClient();

        var swedish = await browser.SendAsync(HttpMethod.Put, link);
        var english = await browser.SendAsync(HttpMethod.Delete, link + "?lang=en");
        var api = await host.Host.Client.PutAsync("/api/instances", null);

        AssertPage(swedish, HttpStatusCode.MethodNotAllowed, "Sidan kan inte användas så");
        Assert.Contains("Inget har ändrats", swedish.Text, StringComparison.Ordinal);
        AssertPage(english, HttpStatusCode.MethodNotAllowed, "The page cannot be used that way");
        Assert.Contains("<html lang=\"en\">", english.Html, StringComparison.Ordinal);
        await Problems.AssertAsync(api, HttpStatusCode.MethodNotAllowed, "PUT");
        Assert.Equal(before, await TaskLinkPageTests.StateAsync(host, task));
    }

    [Fact]
    public async Task An_unknown_path_under_the_link_pages_gets_the_404_page_that_offers_the_code_page()
    {
        await using var host = await TaskPageHost.StartAsync();
        using var browser = host.NewClient();

        var page = await browser.GetAsync("/t/AAAAAAAAAAAAAAAAAAAAAA/no/such/page");

        AssertPage(page, HttpStatusCode.NotFound, "Länken fungerar inte");
        Assert.Contains("href=\"/t/kod\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_that_is_not_a_form_gets_a_400_page_and_changes_nothing()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        var before = await TaskLinkPageTests.StateAsync(host, task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);

        using var json = new StringContent("{\"outcome\": \"approve\"}", Encoding.UTF8, "application/json");
        var page = await browser.SendAsync(HttpMethod.Post, link, json);

        AssertPage(page, HttpStatusCode.BadRequest, "Formuläret kunde inte läsas");
        Assert.Equal(before, await TaskLinkPageTests.StateAsync(host, task));
    }

    [Fact]
    public async Task A_failure_in_the_database_while_answering_gets_a_500_page_that_shows_no_internals_and_the_task_stays_open()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);
        // The database refuses to change any task, as a full disk or a broken replica would.
        await host.Database.ScalarAsync("CREATE TRIGGER tasks_refused BEFORE UPDATE ON tasks BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END");

        var page = await browser.PostAsync(link, ("outcome", "approve"));

        AssertPage(page, HttpStatusCode.InternalServerError, "Något gick fel hos oss");
        Assert.DoesNotContain("simulated disk failure", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HumanTaskStatus.Open, (await host.TaskAsync(task.Id)).Status);
    }

    [Fact]
    public async Task An_answer_that_keeps_losing_the_race_for_its_rows_gets_a_409_page_and_the_task_stays_open()
    {
        await using var host = await TaskPageHost.StartAsync();
        var task = await host.StartAsync("approval");
        var link = await host.LinkAsync(task);
        using var browser = host.NewClient();
        await browser.GetAsync(link);
        // Every attempt to mark the link used collides with a unique key another row already holds,
        // the way a request that lost the race to another one does.
        await host.Database.ScalarAsync("UPDATE link_tokens SET consumed_from_ip = '127.0.0.1' WHERE purpose = 'TaskCode'");
        await host.Database.ScalarAsync("CREATE UNIQUE INDEX one_use_per_address ON link_tokens (consumed_from_ip)");

        var page = await browser.PostAsync(link, ("outcome", "approve"));

        AssertPage(page, HttpStatusCode.Conflict, "Uppgiften ändrades samtidigt av någon annan");
        Assert.Contains("Ditt svar har inte registrerats", page.Text, StringComparison.Ordinal);
        Assert.Equal(HumanTaskStatus.Open, (await host.TaskAsync(task.Id)).Status);
    }

    private static void AssertPage(Page page, HttpStatusCode status, string heading)
    {
        Assert.Equal((status, heading), (page.Status, page.Heading));
        Assert.StartsWith("text/html", page.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("no-store", page.Headers["Cache-Control"], StringComparison.Ordinal);
    }
}
