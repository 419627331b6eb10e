using System.Net;
using System.Text;
using System.Xml.Linq;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Diagrams;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// A published workflow version's page, its JSON export and the comparison of two versions, for
/// administrators only; and the diagram with an instance's progress on the instance's page.
/// </summary>
public sealed class WorkflowVersionPageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private HttpClient Administrator => host.Callers[Caller.Administrator].Http;

    [Fact]
    public async Task An_administrator_sees_the_versions_name_description_instance_count_diagram_and_json()
    {
        var (published, instances, going) = await PublishedWithCountsAsync("board-decision");

        using var response = await Administrator.GetAsync($"/arbetsfloden/board-decision/version/{published.Version}");
        var text = await PageText.OfAsync(response);
        var html = await response.Content.ReadAsStringAsync();
        var definition = host.Host.Services.GetRequiredService<DefinitionCatalog>().Parse(published);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{published.Name}, version {published.Version}", text, StringComparison.Ordinal);
        Assert.Contains(definition.Description!, text, StringComparison.Ordinal);
        Assert.Contains($"Instanser på den här versionen {instances} totalt, {going} pågår fortfarande", text, StringComparison.Ordinal);
        Assert.True(instances > 0, "the demo's decision round started board decisions");
        Assert.Contains("Publicerad 2026-11-23", text, StringComparison.Ordinal);
        var steps = DiagramStep.Read(XDocument.Parse(Svg(html)));
        Assert.Equal(definition.Activities.Keys.Order(StringComparer.Ordinal), steps.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Contains(published.Json, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"href=\"/arbetsfloden/board-decision/version/{published.Version}/fil\"", html, StringComparison.Ordinal);
        Assert.Contains("Exportera som fil", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Caller.Viewer)]
    [InlineData(Caller.SecretaryOfAnotherBoard)]
    public async Task A_viewer_or_a_secretary_is_turned_away_from_the_version_its_file_and_the_comparison(Caller caller)
    {
        foreach (var path in new[] { "/arbetsfloden/board-decision/version/4", "/arbetsfloden/board-decision/version/4/fil", "/arbetsfloden/board-decision/jamfor?fran=4&till=4" })
        {
            using var response = await host.Callers[caller].Http.GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/konto/nekad", response.RedirectTarget(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_exported_file_is_the_published_json_byte_for_byte_named_for_the_workflows_folder()
    {
        var (published, _, _) = await PublishedWithCountsAsync("decision-round");

        using var response = await Administrator.GetAsync($"/arbetsfloden/decision-round/version/{published.Version}/fil");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("decision-round.json", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(Encoding.UTF8.GetBytes(published.Json), bytes);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(BusFlow.Testing.RepositoryRoot.Path, "workflows", "decision-round.json")), Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("/arbetsfloden/board-decision/version/99")]
    [InlineData("/arbetsfloden/no-such-workflow/version/1")]
    [InlineData("/arbetsfloden/no-such-workflow/version/1/fil")]
    [InlineData("/arbetsfloden/no-such-workflow/jamfor?fran=1&till=2")]
    public async Task An_unknown_workflow_or_version_is_not_found(string path)
    {
        using var response = await Administrator.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_comparison_lists_a_changed_setting_an_added_step_and_an_added_input_and_draws_both_versions()
    {
        var id = await PublishTwoVersionsAsync();

        using var response = await Administrator.GetAsync($"/arbetsfloden/{id}/jamfor?fran=1&till=2");
        var text = await PageText.OfAsync(response);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Jämför Granskning: version 1 och 2", text, StringComparison.Ordinal);
        Assert.Contains("4 skillnader mellan version 1 och version 2", text, StringComparison.Ordinal);
        Assert.Contains("Inställning ändrad review (Uppgift) title Granska förslaget Granska det nya förslaget", text, StringComparison.Ordinal);
        Assert.Contains("Inställning ändrad review (Uppgift) outcomes [\"approve\",\"reject\"] [\"approve\",\"reject\",\"referBack\"]", text, StringComparison.Ordinal);
        Assert.Contains("Steg tillagt pause (Vänta) (inget) main.activities[1]", text, StringComparison.Ordinal);
        Assert.Contains("Indata tillagd memo (inget) {\"name\":\"memo\",\"type\":\"string\"}", text, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.Contains("id=\"diagram-from-title\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"diagram-to-title\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_switches_to_english()
    {
        var id = await PublishTwoVersionsAsync();

        string text;
        try
        {
            text = await PageText.OfAsync(await Administrator.GetAsync($"/arbetsfloden/{id}/jamfor?fran=1&till=2&lang=en"));
        }
        finally
        {
            // The language sticks to the session, which the other tests here share and read in Swedish.
            (await Administrator.GetAsync($"/arbetsfloden/{id}/jamfor?lang=sv")).Dispose();
        }

        Assert.Contains("Setting changed review (Task) title Granska förslaget Granska det nya förslaget", text, StringComparison.Ordinal);
        Assert.Contains("Step added pause (Wait)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_that_is_not_published_is_named_next_to_its_field_and_nothing_is_compared()
    {
        var id = await PublishTwoVersionsAsync();

        using var response = await Administrator.GetAsync($"/arbetsfloden/{id}/jamfor?fran=1&till=7");
        var text = await PageText.OfAsync(response);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Till version: det finns ingen version ”7” av {id}. Välj en av de publicerade versionerna: 1, 2.", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#till\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"till-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Skillnader", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?fran=&till=")]
    [InlineData("?till=2")]
    public async Task Without_versions_the_comparison_is_of_the_latest_and_the_one_before(string query)
    {
        var id = await PublishTwoVersionsAsync();

        using var response = await Administrator.GetAsync($"/arbetsfloden/{id}/jamfor{query}");
        var text = await PageText.OfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Jämför Granskning: version 1 och 2", text, StringComparison.Ordinal);
        Assert.Contains("4 skillnader mellan version 1 och version 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_that_is_no_number_is_named_next_to_its_field()
    {
        var id = await PublishTwoVersionsAsync();

        using var response = await Administrator.GetAsync($"/arbetsfloden/{id}/jamfor?fran=tva&till=2");
        var text = await PageText.OfAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"Från version: det finns ingen version ”tva” av {id}. Välj en av de publicerade versionerna: 1, 2.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_version_page_lists_the_versions_and_offers_to_compare_with_the_one_before()
    {
        var id = await PublishTwoVersionsAsync();

        var html = await (await Administrator.GetAsync($"/arbetsfloden/{id}/version/2")).Content.ReadAsStringAsync();

        Assert.Contains($"<a href=\"/arbetsfloden/{id}/version/1\">Version 1</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/arbetsfloden/{id}/version/2\" aria-current=\"page\">Version 2</a>", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/arbetsfloden/{id}/jamfor\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1\" selected=\"selected\">Version 1</option>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"till\" value=\"2\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_instance_page_draws_the_workflow_with_the_steps_passed_and_the_task_waiting_now()
    {
        var completed = await CompletedStepsAsync(host.InstanceId);

        using var response = await Administrator.GetAsync($"/instanser/{host.InstanceId}");
        var html = await response.Content.ReadAsStringAsync();
        var text = await PageText.OfAsync(response);
        var steps = DiagramStep.Read(XDocument.Parse(Svg(html)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The registration number was given first (its task passed); the decision task waits.
        var waiting = Assert.Single(steps, s => s.Type == "Task" && s.State == "current");
        Assert.Equal("recordDecision", waiting.Id);
        Assert.Contains(steps, s => s.Id == "registerMatter" && s.State == "passed");
        Assert.Contains("▶ Pågår nu", waiting.Lines);
        Assert.NotEmpty(completed);
        Assert.All(completed, id => Assert.Contains(steps, s => s.Id == id && s.State is "passed" or "current"));
        Assert.All(steps.Where(s => s.State == "passed"), s => Assert.Contains(s.Id, completed));
        Assert.All(steps.Where(s => s.State == "passed" && s.Type != "Sequence"), s => Assert.Contains("✓ Genomfört", s.Lines));
        Assert.Contains($"{steps.Count(s => s.State == "passed")} genomförda, {steps.Count(s => s.State == "current")} pågår nu.", text, StringComparison.Ordinal);
        Assert.Contains("<figcaption id=\"diagram-caption\">", html, StringComparison.Ordinal);
        Assert.Contains("Visa version 5 av arbetsflödet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_the_instances_diagram_without_the_administrators_link_to_the_version()
    {
        var text = await PageText.OfAsync(await host.Callers[Caller.Viewer].Http.GetAsync($"/instanser/{host.InstanceId}"));

        Assert.Contains("Arbetsflödesdiagram:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Visa version", text, StringComparison.Ordinal);
    }

    /// <summary>Read in a session of its own, closed before the page is asked for: on SQLite a session holds the write lock.</summary>
    private async Task<HashSet<string>> CompletedStepsAsync(Guid instanceId)
    {
        await using var session = await host.Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        var journal = await session.ListJournalAsync(instanceId, CancellationToken.None);
        return [.. journal.Where(e => e.Kind == JournalKind.ActivityCompleted).Select(e => e.ActivityId!)];
    }

    private static string Svg(string html)
    {
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        return html[start..end];
    }

    private async Task<(PublishedDefinition Published, int Instances, int Going)> PublishedWithCountsAsync(string id)
    {
        await using var session = await host.Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(CancellationToken.None);
        var published = (await session.FindLatestDefinitionAsync(id, CancellationToken.None))!;
        var instances = (await session.ListInstancesAsync(new InstanceQuery(DefinitionId: id, Take: 10_000), CancellationToken.None))
            .Where(i => i.DefinitionVersion == published.Version).ToList();
        return (published, instances.Count, instances.Count(i => i.Status is InstanceStatus.Running or InstanceStatus.Waiting));
    }

    /// <summary>A workflow of its own (so that no other test sees it) published in two versions: the second asks more and waits a week first.</summary>
    private async Task<string> PublishTwoVersionsAsync()
    {
        var id = $"granskning-{Guid.NewGuid():N}"[..24];
        const string Task = """{ "type": "Task", "id": "review", "assignee": "granskare@exempelby.test", "title": "TITLE", "outcomes": OUTCOMES }""";
        const string Pause = """{ "type": "Delay", "id": "pause", "duration": "P7D" }""";
        string Definition(int version, string inputs, params string[] steps) => $$"""
            {
              "id": "{{id}}",
              "version": {{version}},
              "name": "Granskning",
              "inputs": {{inputs}},
              "root": { "type": "Sequence", "id": "main", "activities": [ {{string.Join(", ", steps)}} ] }
            }
            """;
        var first = Definition(1, "[]", Task.Replace("TITLE", "Granska förslaget", StringComparison.Ordinal).Replace("OUTCOMES", """["approve", "reject"]""", StringComparison.Ordinal));
        var second = Definition(2, """[{ "name": "memo", "type": "string" }]""",
            Task.Replace("TITLE", "Granska det nya förslaget", StringComparison.Ordinal).Replace("OUTCOMES", """["approve", "reject", "referBack"]""", StringComparison.Ordinal), Pause);
        var catalog = host.Host.Services.GetRequiredService<DefinitionCatalog>();
        var definitions = new[] { first, second }.Select(json =>
        {
            var loaded = catalog.Loader.Load(json, $"{id}.json");
            Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
            return loaded.Definitions[0];
        }).ToList();
        await catalog.PublishAsync(host.Host.Services.GetRequiredService<IWorkflowStore>(), definitions, Instant.FromUtc(2026, 11, 23, 10, 0), CancellationToken.None);
        return id;
    }
}
