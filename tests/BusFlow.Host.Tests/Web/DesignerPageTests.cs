using System.Net;
using System.Text.RegularExpressions;
using BusFlow.Engine.Design;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Web;

/// <summary>An administrator designs a workflow in the pages, posted as the browser would; each test has its own definition id.</summary>
public sealed partial class DesignerPageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private RunningHost Host => host.Host;

    [Fact]
    public async Task A_task_added_without_its_outcomes_is_shown_with_the_error_at_its_field_in_the_readers_language_and_publishing_it_is_refused()
    {
        using var administrator = await TestSessions.AdministratorAsync(Host);
        var draft = await CreateAsync(administrator, "utan-utfall");

        using var added = await PostAsync(administrator, draft, "AddStep", ("parent", "main"), ("property", "activities"), ("type", "Task"), ("newId", "approve"));
        using var page = await administrator.Http.GetAsync(added.RedirectTarget());
        var html = await page.Content.ReadAsStringAsync();
        using var publish = await PostAsync(administrator, draft, "Publish");
        var refusal = await PageText.OfAsync(publish);
        var english = await administrator.Http.GetStringAsync(added.RedirectTarget() + "&lang=en");

        Assert.Equal($"{DraftPath(draft)}?steg=approve&klart=sparat", added.RedirectTarget());
        Assert.Matches(FieldError("outcomes", "egenskapen &#x27;outcomes&#x27; måste anges för en Task"), html);
        Assert.Matches(FieldError("outcomes", "the property &#x27;outcomes&#x27; is required for a Task"), english);
        Assert.Contains($"href=\"{DraftPath(draft)}?steg=approve#field-outcomes\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, publish.StatusCode);
        Assert.Contains("Inte publicerat", refusal, StringComparison.Ordinal);
        Assert.Null(await LatestAsync("utan-utfall"));
    }

    [Fact]
    public async Task A_field_that_cannot_be_read_is_named_with_the_typed_text_kept_and_nothing_saved()
    {
        using var administrator = await TestSessions.AdministratorAsync(Host);
        var draft = await CreateAsync(administrator, "fel-i-falt");
        using var _ = await PostAsync(administrator, draft, "AddStep", ("parent", "main"), ("property", "activities"), ("type", "Task"), ("newId", "approve"));
        var before = await DraftJsonAsync(draft);

        using var saved = await PostAsync(administrator, draft, "SaveStep", ("step", "approve"), ("f.title", "Godkänn"), ("f.reminders.maxAfter", "två"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Matches(FieldError("reminders-maxAfter", "ett heltal"), html);
        Assert.Contains("value=\"två\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await DraftJsonAsync(draft));
    }

    [Fact]
    public async Task A_second_administrator_saving_an_older_version_is_told_who_saved_and_keeps_her_change_unsaved()
    {
        using var anna = await TestSessions.AdministratorAsync(Host);
        var draft = await CreateAsync(anna, "samtidigt");
        var seenByBoth = await anna.Http.GetStringAsync(DraftPath(draft));
        using var first = await anna.PostFormOfPageAsync($"{DraftPath(draft)}?handler=SaveJson", seenByBoth,
            ("version", VersionOf(seenByBoth)), ("json", (await DraftJsonAsync(draft)).Replace("\"name\": \"Test\"", "\"name\": \"Annas namn\"", StringComparison.Ordinal)));

        var mine = (await DraftJsonAsync(draft)).Replace("Annas namn", "Mitt namn", StringComparison.Ordinal);
        using var second = await anna.PostFormOfPageAsync($"{DraftPath(draft)}?handler=SaveJson", seenByBoth, ("version", VersionOf(seenByBoth)), ("json", mine));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("sparade detta utkast", await PageText.OfAsync(second), StringComparison.Ordinal);
        Assert.Contains("Mitt namn", html, StringComparison.Ordinal);
        Assert.Contains("Annas namn", await DraftJsonAsync(draft), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_draft_is_the_next_version_the_list_says_so_and_the_start_form_starts_an_instance_of_it()
    {
        using var administrator = await TestSessions.AdministratorAsync(Host);
        var draft = await CreateAsync(administrator, "publiceras");
        using var _ = await PostAsync(administrator, draft, "AddStep", ("parent", "main"), ("property", "activities"), ("type", "Delay"), ("newId", "wait"));
        using var __ = await PostAsync(administrator, draft, "SaveStep", ("step", "wait"), ("f.duration", "P1D"));

        using var published = await PostAsync(administrator, draft, "Publish");
        var list = await PageText.OfAsync(await administrator.Http.GetAsync(published.RedirectTarget()));
        using var started = await administrator.PostFormAsync("/arbetsfloden/publiceras/starta");

        Assert.Equal("/arbetsfloden?publicerad=publiceras&version=1", published.RedirectTarget());
        Assert.Contains("Version 1 av Test är publicerad.", list, StringComparison.Ordinal);
        Assert.Equal(1, (await LatestAsync("publiceras"))!.Version);
        Assert.StartsWith("/instanser/", started.RedirectTarget(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_of_a_task_due_on_christmas_day_shows_the_due_date_moved_to_the_next_working_day_and_why()
    {
        using var administrator = await TestSessions.AdministratorAsync(Host);
        var draft = await CreateAsync(administrator, "jul");
        using var _ = await PostAsync(administrator, draft, "AddStep", ("parent", "main"), ("property", "activities"), ("type", "Task"), ("newId", "approve"));
        using var __ = await PostAsync(administrator, draft, "SaveStep", ("step", "approve"),
            ("f.assignee", "anna@exempelby.se"), ("f.title", "Godkänn budgeten"), ("f.outcomes", "approve, reject"), ("f.due", "2027-12-25"));

        using var preview = await administrator.Http.GetAsync($"{DraftPath(draft)}/forhandsgranska?ar=2027&svar=never");
        var text = await PageText.OfAsync(preview);

        Assert.True(preview.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("Godkänn budgeten", text, StringComparison.Ordinal);
        Assert.Contains("2027-12-27 (flyttad från", text, StringComparison.Ordinal);
        Assert.Contains("juldagen", text, StringComparison.Ordinal);
        Assert.Null(await LatestAsync("jul"));
    }

    private static string DraftPath(Guid draft) => $"/arbetsfloden/utkast/{draft}";

    private static Regex FieldError(string field, string message) =>
        new($"<p class=\"field-error\" id=\"field-{field}-error\">[^<]*{Regex.Escape(message)}");

    private async Task<Guid> CreateAsync(SessionClient administrator, string id)
    {
        using var created = await administrator.PostFormWithTokenOfAsync("/arbetsfloden", "/arbetsfloden?handler=Create", ("NewId", id), ("NewName", "Test"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.RedirectTarget()!.Split('/').Last());
    }

    private static async Task<HttpResponseMessage> PostAsync(SessionClient administrator, Guid draft, string handler, params (string Name, string Value)[] fields)
    {
        var page = await administrator.Http.GetStringAsync(DraftPath(draft));
        return await administrator.PostFormOfPageAsync($"{DraftPath(draft)}?handler={handler}", page, [("version", VersionOf(page)), .. fields]);
    }

    private static string VersionOf(string page) => VersionField().Match(page).Groups[1].Value;

    private async Task<string> DraftJsonAsync(Guid draft) =>
        (await Host.Services.GetRequiredService<DefinitionDesigner>().FindAsync(draft, default))!.Json;

    private async Task<PublishedDefinition?> LatestAsync(string id)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        return await session.FindLatestDefinitionAsync(id, default);
    }

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
