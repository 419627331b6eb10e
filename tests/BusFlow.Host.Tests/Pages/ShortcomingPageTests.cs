using System.Net;
using BusFlow.Accounts;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Shortcomings;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;
using BusFlow.Host.Tests.Web;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Pages;

/// <summary>Reporting a shortcoming by the link in a mail's footer, and on the agreement's page, over real HTTP.</summary>
public sealed class ShortcomingPageTests : IAsyncLifetime
{
    private const string Reporter = "rektor.sodra@exempelby.test";
    private const string Agreement = DemoMunicipality.AgreementId;
    private const string WhatHappened = "Elevhälsan fick inget svar från socialtjänsten på tre veckor.";

    private TestDatabase? _database;
    private RunningHost? _host;

    private RunningHost Host => _host!;

    /// <summary>The demo municipality in late November 2026, with the shipped templates: the renewal's first task is mailed.</summary>
    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _host = await RunningHost.StartAsync(_database, Path.Combine(RepositoryRoot.Path, "workflows"), new Dictionary<string, string?>
        {
            ["BusFlow:Demo:SeedOnFirstStart"] = "true",
            ["BusFlow:Notifications:Templates"] = Path.Combine(RepositoryRoot.Path, "templates"),
        }, new FakeClock(DemoHost.LateNovember2026));
    }

    public Task DisposeAsync() => _host is null ? Task.CompletedTask : HostTeardown.DisposeAsync(_host, _database!, workflows: null);

    [Fact]
    public async Task The_link_in_a_task_mails_footer_shows_a_form_that_reports_the_shortcoming_and_the_agreement_page_lists_it_as_reported()
    {
        var (path, reporter) = await LinkInATaskMailAsync();
        using var browser = new PageClient(Host.Client.BaseAddress!);

        var form = await browser.GetAsync(path);
        var head = await browser.HeadAsync(path);
        var received = await browser.PostAsync(path, Fields("2026-11-02", DemoMunicipality.SocialBoardId, "Serious", "08-123 456"));

        Assert.Equal((HttpStatusCode.OK, "Rapportera en brist i samverkan"), (form.Status, form.Heading));
        Assert.Contains(DemoMunicipality.AgreementTitle, form.Text, StringComparison.Ordinal);
        Assert.Contains($"Rapporten skickas från {reporter}.", form.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Equal((HttpStatusCode.OK, "Tack, din rapport är mottagen"), (received.Status, received.Heading));
        var started = Assert.Single(await ShortcomingInstancesAsync());
        Assert.Contains($"\"reporter\":\"{reporter}\"", started.InputJson, StringComparison.Ordinal);

        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);
        var page = await PageText.OfAsync(await viewer.Http.GetAsync($"/overenskommelser/{Agreement}"));
        Assert.Contains($"{WhatHappened} (Socialnämnden) Rapporterad", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_with_bad_fields_is_shown_again_with_a_message_at_each_field_and_nothing_is_saved()
    {
        var path = await IssueAsync(Reporter);
        using var browser = new PageClient(Host.Client.BaseAddress!);
        await browser.GetAsync(path);

        var refused = await browser.PostAsync(path, ("whatHappened", " "), ("occurredOn", "2099-01-01"), ("concerns", "polisen"), ("severity", "Terrible"), ("contact", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Rapporten kunde inte tas emot", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Vad hände?: fyll i fältet.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("När hände det? (åååå-mm-dd): datumet kan inte ligga efter i dag.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Vilken part gäller det? (frivilligt): välj en av parterna i listan.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Hur allvarligt är det?: välj ett av alternativen.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Hur når vi dig? (telefon eller e-post): fyll i fältet.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("value=\"2099-01-01\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#field-occurredOn\"", refused.Html, StringComparison.Ordinal);
        Assert.Empty(await ShortcomingInstancesAsync());
    }

    [Fact]
    public async Task A_wrong_or_forged_link_or_a_form_from_another_site_is_refused_and_nothing_is_saved()
    {
        var path = await IssueAsync(Reporter);
        var unsubscribe = await UnsubscribeSecretAsync(Reporter);
        using var browser = new PageClient(Host.Client.BaseAddress!);

        var unknown = await browser.GetAsync("/avvikelse/AAAAAAAAAAAAAAAAAAAAAA");
        var otherPurpose = await browser.GetAsync($"/avvikelse/{unsubscribe}");
        await browser.GetAsync(path);
        var postedToUnknown = await browser.PostAsync("/avvikelse/AAAAAAAAAAAAAAAAAAAAAA", Fields("2026-11-02", "", "Minor", "x"));
        var forged = await browser.PostWithoutTokenAsync(path, Fields("2026-11-02", "", "Minor", "x"));

        Assert.Equal((HttpStatusCode.NotFound, "Länken fungerar inte"), (unknown.Status, unknown.Heading));
        Assert.Equal(HttpStatusCode.NotFound, otherPurpose.Status);
        Assert.Equal(HttpStatusCode.NotFound, postedToUnknown.Status);
        Assert.Equal((HttpStatusCode.BadRequest, "Formuläret kunde inte kontrolleras"), (forged.Status, forged.Heading));
        Assert.Empty(await ShortcomingInstancesAsync());
    }

    [Fact]
    public async Task A_signed_in_user_who_sees_the_agreement_reports_on_its_page_and_bad_input_is_named_at_the_field()
    {
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);
        var page = $"/overenskommelser/{Agreement}/avvikelse";

        var agreement = await PageText.OfAsync(await viewer.Http.GetAsync($"/overenskommelser/{Agreement}"));
        var refused = await viewer.PostFormWithTokenOfAsync(page, page, ("whatHappened", WhatHappened), ("occurredOn", "igår"), ("severity", "Minor"), ("contact", "viewer@busflow.test"));
        var refusedText = await PageText.OfAsync(refused);
        var nothing = await ShortcomingInstancesAsync();
        var reported = await viewer.PostFormWithTokenOfAsync(page, page, Fields("2026-11-20", "", "Minor", "viewer@busflow.test"));

        Assert.Contains("Rapportera en brist i samverkan", agreement, StringComparison.Ordinal);
        Assert.Contains("Inga brister i samverkan har rapporterats.", agreement, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("När hände det?: skriv datumet som åååå-mm-dd, till exempel 2027-03-15.", refusedText, StringComparison.Ordinal);
        Assert.Empty(nothing);
        Assert.Equal($"/overenskommelser/{Agreement}?avvikelse=1", reported.RedirectTarget()?.Split('#')[0]);
        var started = Assert.Single(await ShortcomingInstancesAsync());
        Assert.Contains("\"reporter\":\"viewer@busflow.test\"", started.InputJson, StringComparison.Ordinal);
    }

    private static (string Name, string Value)[] Fields(string occurredOn, string concerns, string severity, string contact) =>
        [("whatHappened", WhatHappened), ("occurredOn", occurredOn), ("concerns", concerns), ("severity", severity), ("contact", contact)];

    /// <summary>The report link in the footer of the renewal's first task mail (the coordinator's "prepare the draft"), and whom it was sent to.</summary>
    private async Task<(string Path, string Recipient)> LinkInATaskMailAsync()
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        var mails = await session.Facet<IOutbox>().ListAsync(new OutboxQuery(Take: 1000), default);
        var mail = mails.First(m => m.TextBody.Contains(ShortcomingLinks.PathPrefix, StringComparison.Ordinal));
        var link = mail.TextBody.Split('\n').Select(l => l.Trim()).First(l => l.Contains(ShortcomingLinks.PathPrefix, StringComparison.Ordinal));
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);
        return (new Uri(link).AbsolutePath, mail.To);
    }

    /// <summary>The path of a report link for the demo agreement, as a mail's footer carries it.</summary>
    private async Task<string> IssueAsync(string recipient)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        var url = await Host.Services.GetRequiredService<ShortcomingLinks>().ForAsync(Agreement, recipient, session, DemoHost.LateNovember2026, default);
        await session.CommitAsync(default);
        return new Uri(url).AbsolutePath;
    }

    private async Task<string> UnsubscribeSecretAsync(string recipient)
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        var link = await Host.Services.GetRequiredService<LinkIssuer>().LiveOrNewAsync(session, new LinkRequest(LinkPurpose.Unsubscribe, recipient), DemoHost.LateNovember2026, default);
        await session.CommitAsync(default);
        return link.Secret;
    }

    private async Task<IReadOnlyList<WorkflowInstance>> ShortcomingInstancesAsync()
    {
        await using var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync();
        return await session.ListInstancesAsync(new InstanceQuery(DefinitionId: ShortcomingRegistry.Workflow), default);
    }
}
