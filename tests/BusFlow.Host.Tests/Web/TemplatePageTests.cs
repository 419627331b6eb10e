using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// Mail templates edited in the browser by an administrator: saved as versions that the next mail uses,
/// refused with the part and line of a mistake, refused when someone saved first, previewed without saving.
/// </summary>
public sealed partial class TemplatePageTests(TemplatePagesHost host) : IClassFixture<TemplatePagesHost>
{
    private const string Html = "<p>Hej {{ recipient.name }}!</p>\n<p>{{ task.title }}</p>\n";

    private SessionClient Administrator => host.Administrator;

    [Fact]
    public async Task A_saved_version_is_used_for_the_next_task_mail_on_this_node_and_on_another()
    {
        var page = await Administrator.Http.GetStringAsync("/meddelandemallar/task-assigned?sprak=sv-SE");

        var saved = await SaveAsync(page, "task-assigned", "Uppgift till dig: {{ task.title }}", BasedOn(page), "Tydligare ämnesrad");
        var text = await PageText.OfAsync(saved);
        var list = await PageText.OfAsync(await Administrator.Http.GetAsync("/meddelandemallar"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Version 1 är sparad och används för nästa brev.", text, StringComparison.Ordinal);
        // What TaskAssignedMail renders with, and what another node on the same database renders with.
        var renderer = host.Host.Services.GetServices<IMessageTemplates>().First();
        Assert.Equal("Uppgift till dig: Fatta beslut om samverkansavtalet", renderer.Render(TaskAssignedMailTemplate, "sv-SE", TemplateSamples.Model()).Subject);
        var otherNode = new SavedMessageTemplates(new FluidMessageTemplates(TemplatePagesHost.TemplatesFolder), host.Host.Services.GetRequiredService<ITemplateVersions>(), NullLogger<SavedMessageTemplates>.Instance);
        Assert.Equal("Uppgift till dig: Fatta beslut om samverkansavtalet", otherNode.Render(TaskAssignedMailTemplate, "sv-SE", TemplateSamples.Model()).Subject);
        Assert.Contains("task-assigned Svenska (sv-SE): version 1 Engelska (en-GB): mappens fil Version 1,", list, StringComparison.Ordinal);
        // And the mail a new task puts in the outbox, rendered inside the task's own transaction. Its status is not
        // asserted: delivery right after the commit may already have sent it.
        var approver = $"anna.{Guid.NewGuid():N}@exempelby.test";
        (await host.Host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "approval", input = new { subject = "budgeten", approver } })).EnsureSuccessStatusCode();
        var outbox = await host.Host.Client.GetFromJsonAsync<List<BusFlow.Host.Api.Outbox.OutboxMessageResponse>>("/api/outbox", RunningHost.Json);
        Assert.Equal("Uppgift till dig: Godkänn: budgeten", Assert.Single(outbox!, m => m.To == approver).Subject);
        var audit = await host.Host.Client.GetFromJsonAsync<List<BusFlow.Host.Api.Accounts.AuditLineResponse>>("/api/audit?action=change", RunningHost.Json);
        Assert.Contains(audit!, l => l.Target == "template:task-assigned.sv-SE" && l.Detail == "version 1: Tydligare ämnesrad");
    }

    [Fact]
    public async Task A_template_with_a_mistake_is_refused_at_its_part_and_line_keeps_the_text_and_saves_nothing()
    {
        var page = await Administrator.Http.GetStringAsync("/meddelandemallar/task-moved?sprak=sv-SE");
        const string broken = "<p>Hej!</p>\n{% if task.due %}\n<p>{{ task.due }}</p>\n";

        var refused = await Administrator.PostFormOfPageAsync("/meddelandemallar/task-moved?sprak=sv-SE&handler=Save", page,
            ("subject", "Flyttad: {{ task.title }}"), ("text", "Hej!\n"), ("html", broken), ("basedOn", BasedOn(page).ToString(CultureInfo.InvariantCulture)), ("note", "Trasig"));
        var text = await PageText.OfAsync(refused);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Mallen har fel och sparades inte.", text, StringComparison.Ordinal);
        Assert.Matches(@"HTML, rad \d+: .*the \{% if %\} on line 2 is not closed", text);
        Assert.Contains("<p>Hej!</p> {% if task.due %} <p>{{ task.due }}</p>", text, StringComparison.Ordinal);
        Assert.Empty(await HistoryAsync("task-moved"));
    }

    [Fact]
    public async Task A_save_begun_before_someone_elses_save_is_refused_naming_them_and_the_text_typed_stays()
    {
        var page = await Administrator.Http.GetStringAsync("/meddelandemallar/task-reminder?sprak=sv-SE");
        var basedOn = BasedOn(page);
        (await SaveAsync(page, "task-reminder", "Påminnelse ett: {{ task.title }}", basedOn, "Först")).EnsureSuccessStatusCode();

        var late = await SaveAsync(page, "task-reminder", "Min egen påminnelse: {{ task.title }}", basedOn, "Sent");
        var text = await PageText.OfAsync(late);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains($"{Support.TestAccounts.AdministratorEmail} sparade version {basedOn + 1} kl.", text, StringComparison.Ordinal);
        Assert.Contains("Min egen påminnelse: {{ task.title }}", text, StringComparison.Ordinal);
        Assert.Equal(["Först"], (await HistoryAsync("task-reminder")).Select(v => v.Note));
    }

    [Fact]
    public async Task The_preview_shows_both_languages_with_a_sample_task_escapes_the_html_and_saves_nothing()
    {
        var page = await Administrator.Http.GetStringAsync("/meddelandemallar/task-escalated?sprak=en-GB");

        var preview = await Administrator.PostFormOfPageAsync("/meddelandemallar/task-escalated?sprak=en-GB&handler=Preview", page,
            ("subject", "Escalated: {{ task.title }}"), ("text", "Hello!\n"), ("html", "<script>alert(1)</script><p>{{ task.title }}</p>"), ("basedOn", "0"), ("note", ""));
        var html = await preview.Content.ReadAsStringAsync();
        var text = await PageText.OfAsync(preview);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Förhandsgranskningen är uppdaterad. Ingenting är sparat ännu.", text, StringComparison.Ordinal);
        Assert.Contains("Engelska (en-GB) (texten i formuläret, inte sparad) Ämne Escalated: Fatta beslut om samverkansavtalet", text, StringComparison.Ordinal);
        Assert.Contains("Svenska (sv-SE) (texten som används) Ämne", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;Fatta beslut om samverkansavtalet&lt;/p&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Empty(await HistoryAsync("task-escalated"));
    }

    [Fact]
    public async Task An_old_version_is_viewed_and_restored_as_a_new_version()
    {
        var page = await Administrator.Http.GetStringAsync("/meddelandemallar/confirmation-code?sprak=en-GB");
        await SaveAsync(page, "confirmation-code", "First: {{ code }}", 0, "One", "en-GB");
        await SaveAsync(page, "confirmation-code", "Second: {{ code }}", 1, "Two", "en-GB");
        var first = (await HistoryAsync("confirmation-code")).Single(v => v.Number == 1);

        var old = await Administrator.Http.GetAsync($"/meddelandemallar/confirmation-code?sprak=en-GB&version={first.Id}");
        var restored = await Administrator.PostFormOfPageAsync("/meddelandemallar/confirmation-code?sprak=en-GB&handler=Restore", await old.Content.ReadAsStringAsync(),
            ("version", first.Id.ToString(CultureInfo.InvariantCulture)), ("basedOn", "2"));

        Assert.Contains("Version 1 (Engelska (en-GB)), sparad", await PageText.OfAsync(old), StringComparison.Ordinal);
        Assert.Contains("Version 1 är återställd som version 3", await PageText.OfAsync(restored), StringComparison.Ordinal);
        Assert.Equal([3, 2, 1], (await HistoryAsync("confirmation-code")).Select(v => v.Number));
        Assert.Equal("First: 483 920", host.Host.Services.GetServices<IMessageTemplates>().First().Render("confirmation-code", "en-GB", TemplateSamples.Model()).Subject);
    }

    [Fact]
    public async Task A_viewer_may_neither_read_nor_save_a_template()
    {
        var list = await host.Viewer.Http.GetAsync("/meddelandemallar");
        var posted = await host.Viewer.PostFormWithTokenOfAsync("/", "/meddelandemallar/weekly-digest?sprak=sv-SE&handler=Save",
            ("subject", "Veckans uppgifter"), ("text", "Hej\n"), ("html", "<p>Hej</p>"), ("basedOn", "0"), ("note", "Försök"));

        Assert.StartsWith("/konto/nekad", list.RedirectTarget(), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", posted.RedirectTarget(), StringComparison.Ordinal);
        Assert.Empty(await HistoryAsync("weekly-digest"));
    }

    private const string TaskAssignedMailTemplate = BusFlow.Notifications.Outbox.TaskAssignedMail.Template;

    private async Task<HttpResponseMessage> SaveAsync(string page, string name, string subject, int basedOn, string note, string language = "sv-SE") =>
        await Administrator.PostFormOfPageAsync($"/meddelandemallar/{name}?sprak={language}&handler=Save", page,
            ("subject", subject), ("text", "Hej {{ recipient.name }}!\n"), ("html", Html), ("basedOn", basedOn.ToString(CultureInfo.InvariantCulture)), ("note", note));

    private async Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name) =>
        await host.Host.Services.GetRequiredService<ITemplateVersions>().HistoryAsync(name, CancellationToken.None);

    private static int BasedOn(string page) => int.Parse(BasedOnField().Match(page).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"basedOn\" value=\"(\\d+)\"")]
    private static partial Regex BasedOnField();
}
