using System.Net;
using System.Net.Http.Json;
using BusFlow.Accounts;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Agreements;
using BusFlow.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Web;

/// <summary>An agreement's page: who reads it, and an administrator who stops and starts its cycles there.</summary>
public sealed class AgreementPageTests : IAsyncLifetime
{
    private const string Agreement = DemoMunicipality.AgreementId;
    private const string Path = $"/overenskommelser/{Agreement}";

    private DemoHost? _demo;

    private RunningHost Host => _demo!.Host;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task The_agreements_page_lists_the_agreement_in_swedish_with_its_period_and_status()
    {
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        var text = await PageText.OfAsync(await viewer.Http.GetAsync("/overenskommelser"));

        Assert.Contains(DemoMunicipality.AgreementTitle, text, StringComparison.Ordinal);
        Assert.Contains("1 januari 2023 – 31 december 2026 Gäller", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agreement_page_names_each_party_board_or_organization_how_it_takes_part_and_the_body_that_meets()
    {
        using var organization = await Host.Client.PostAsJsonAsync("/api/organizations", new { name = "Polisen i Exempelby", kind = "other" });
        var police = (await organization.ReadAsync<BusFlow.Host.Api.Boards.OrganizationResponse>()).Id;
        await using (var session = await Host.Services.GetRequiredService<IWorkflowStore>().BeginAsync())
        {
            session.Facet<IBusRecords>().Add(new AgreementParty { Id = Guid.NewGuid(), AgreementId = Agreement, OrganizationId = police, Involvement = PartyInvolvement.Consulted, Position = 9 });
            await session.CommitAsync(default);
        }

        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);
        var text = await PageText.OfAsync(await viewer.Http.GetAsync(Path));

        Assert.Contains("Socialnämnden – beslutar", text, StringComparison.Ordinal);
        Assert.Contains("Polisen i Exempelby – hörs före beslut", text, StringComparison.Ordinal);
        Assert.Contains("Vårmöte och höstmöte, där BUS ledningsgrupp möts", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_renewal_months_the_page_says_where_the_renewal_stands()
    {
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        var text = await PageText.OfAsync(await viewer.Http.GetAsync(Path));

        // The demo's agreement ends after the 2026 election; its renewal runs from the first start.
        Assert.Contains("Förnyelse Överenskommelsen löper ut 2026-12-31, efter valet 2026-09-13", text, StringComparison.Ordinal);
        Assert.Contains("Samverkansöverenskommelse BUS 2027–2030", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_stops_the_cycles_with_a_reason_and_starts_them_again_on_the_page()
    {
        using var admin = await TestSessions.AdministratorAsync(Host);

        var refused = await admin.PostFormWithTokenOfAsync(Path, $"{Path}?handler=Stop", ("reason", ""));
        var stopped = await admin.PostFormWithTokenOfAsync(Path, $"{Path}?handler=Stop", ("reason", "Ersätts av en regional överenskommelse"));
        var stoppedText = await PageText.OfAsync(stopped);
        var afterStop = await Host.Client.GetFromJsonAsync<AgreementResponse>($"/api/agreements/{Agreement}", RunningHost.Json);
        var started = await admin.PostFormWithTokenOfAsync(Path, $"{Path}?handler=Start");
        var afterStart = await Host.Client.GetFromJsonAsync<AgreementResponse>($"/api/agreements/{Agreement}", RunningHost.Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Skriv varför arbetsflödena stoppas", await PageText.OfAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Matches(@"\d+ arbetsflöden är stoppade\.", stoppedText);
        Assert.Contains("Årshjul och förnyelse Körs inte", stoppedText, StringComparison.Ordinal);
        Assert.False(afterStop!.CyclesRun);
        Assert.Contains("Årshjulet och förnyelsen är startade.", await PageText.OfAsync(started), StringComparison.Ordinal);
        Assert.True(afterStart!.CyclesRun);
    }

    [Fact]
    public async Task A_viewer_reads_the_page_without_the_forms_and_is_refused_a_stop()
    {
        using var viewer = await TestSessions.SignedInAsync(Host, "viewer@busflow.test", [AccountRoles.Viewer], totp: false);

        var page = await viewer.Http.GetAsync(Path);
        var html = await page.Content.ReadAsStringAsync();
        var stop = await viewer.PostFormWithTokenOfAsync(Path, $"{Path}?handler=Stop", ("reason", "Jag vill"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("agreement-renewal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"stop-form\"", html, StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", stop.RedirectTarget(), StringComparison.Ordinal);
        Assert.True((await Host.Client.GetFromJsonAsync<AgreementResponse>($"/api/agreements/{Agreement}", RunningHost.Json))!.CyclesRun);
    }
}
