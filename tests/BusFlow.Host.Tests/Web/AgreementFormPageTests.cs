using System.Net;
using System.Net.Http.Json;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Host.Api.Agreements;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// The agreement forms, on the demo in late November 2026: an administrator enters an agreement, changes it and
/// records a revision; a viewer and a secretary are turned away. Each test takes a period of its own.
/// </summary>
public sealed class AgreementFormPageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private const string New = "/overenskommelser/ny";

    private SessionClient Administrator => host.Callers[Caller.Administrator];

    private static (string, string)[] Fields(int from, string until, params (string, string)[] parties) =>
    [
        ("title", $"BUS {from}"), ("organizationId", DemoMunicipality.OrganizationId), ("validFrom", $"{from}-01-01"), ("validUntil", until),
        ("status", "Draft"), ("cycle", "SpringAndAutumn"), ("bodyId", DemoMunicipality.ManagementGroupId), ("predecessorId", ""),
        ("rows", "4"), .. parties, ("recipients", "sn"), ("recipients", "ks"),
    ];

    [Fact]
    public async Task An_administrator_enters_an_agreement_and_lands_on_its_page_with_its_parties()
    {
        var saved = await Administrator.PostFormAsync(New, Fields(2051, "2054-12-31",
            ("party-0", "board:sn"), ("involvement-0", "Decides"), ("party-1", "board:bun"), ("involvement-1", "Decides"),
            ("party-2", "organization:region-exempel"), ("representative-2", "tove.engstrom"), ("involvement-2", "Consulted")));

        Assert.Equal("/overenskommelser/exempelby-bus-2051-2054?ny=1", saved.RedirectTarget());
        var text = await PageText.OfAsync(await Administrator.Http.GetAsync(saved.RedirectTarget()));
        Assert.Contains("Överenskommelsen är sparad.", text, StringComparison.Ordinal);
        Assert.Contains("Socialnämnden – beslutar", text, StringComparison.Ordinal);
        Assert.Contains("Region Exempel – hörs före beslut", text, StringComparison.Ordinal);
        Assert.Contains("Tove Engström", text, StringComparison.Ordinal);
        var read = await host.Host.Client.GetFromJsonAsync<AgreementResponse>("/api/agreements/exempelby-bus-2051-2054", RunningHost.Json);
        Assert.Equal(["sn", "bun"], read!.PartyBoardIds);
        Assert.Equal(["sn", "ks"], read.Recipients);
    }

    [Fact]
    public async Task An_end_before_the_start_is_shown_at_its_field_and_in_the_summary_and_nothing_is_saved()
    {
        var refused = await Administrator.PostFormAsync(New, Fields(2055, "2054-12-31", ("party-0", "board:sn"), ("involvement-0", "Decides"), ("party-1", "board:sn")));
        var html = await refused.Content.ReadAsStringAsync();
        var text = await PageText.OfAsync(refused);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Gäller till och med: slutar före startdagen.", text, StringComparison.Ordinal);
        Assert.Contains("Part 2: är redan part i överenskommelsen.", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#validUntil\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"validUntil-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"party-1-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"BUS 2055\"", html, StringComparison.Ordinal);
        var agreements = await host.Host.Client.GetFromJsonAsync<List<AgreementResponse>>("/api/agreements", RunningHost.Json);
        Assert.DoesNotContain(agreements!, a => a.ValidFrom.Year == 2055);
    }

    [Fact]
    public async Task An_administrator_changes_the_parties_on_the_change_page_and_reads_them_back()
    {
        var created = await Administrator.PostFormAsync(New, Fields(2057, "2060-12-31", ("party-0", "board:sn"), ("involvement-0", "Decides")));
        var edit = created.RedirectTarget()!.Split('?')[0] + "/andra";
        var form = await PageText.OfAsync(await Administrator.Http.GetAsync(edit));

        var changed = await Administrator.PostFormAsync(edit, Fields(2057, "2060-12-31",
            ("party-0", "board:kun"), ("involvement-0", "Decides"), ("party-1", "board:sn"), ("involvement-1", "Consulted")));

        Assert.Contains("Ändra BUS 2057", form, StringComparison.Ordinal);
        Assert.EndsWith("?andrad=1", changed.RedirectTarget(), StringComparison.Ordinal);
        var read = await host.Host.Client.GetFromJsonAsync<AgreementResponse>("/api/agreements/exempelby-bus-2057-2060", RunningHost.Json);
        Assert.Equal(["kun"], read!.PartyBoardIds);
        Assert.Equal([("kun", PartyInvolvement.Decides), ("sn", PartyInvolvement.Consulted)], read.Parties.Select(p => (p.BoardId!, p.Involvement)));
    }

    [Fact]
    public async Task An_administrator_records_a_revision_on_the_agreement_page_and_one_without_a_note_is_refused()
    {
        var page = $"/overenskommelser/{DemoMunicipality.AgreementId}";

        var empty = await Administrator.PostFormWithTokenOfAsync(page, $"{page}?handler=Revision", ("date", "2026-11-21"), ("note", ""));
        var added = await Administrator.PostFormWithTokenOfAsync(page, $"{page}?handler=Revision", ("date", "2026-11-21"), ("note", "Bilagan om elevhälsan reviderad."));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Vad som ändrades: måste fyllas i.", await PageText.OfAsync(empty), StringComparison.Ordinal);
        var text = await PageText.OfAsync(added);
        Assert.Contains("Revideringen är sparad.", text, StringComparison.Ordinal);
        Assert.Contains("21 november 2026: Bilagan om elevhälsan reviderad.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Caller.Viewer)]
    [InlineData(Caller.SecretaryOfAnotherBoard)]
    public async Task Anyone_but_an_administrator_is_turned_away_from_the_forms_and_sees_no_link_to_them(Caller caller)
    {
        var client = host.Callers[caller];
        var list = await client.Http.GetAsync("/overenskommelser");
        var agreement = await client.Http.GetAsync($"/overenskommelser/{DemoMunicipality.AgreementId}");

        var form = await client.Http.GetAsync(New);
        var posted = await client.PostFormWithTokenOfAsync("/overenskommelser", New, Fields(2059, "2062-12-31", ("party-0", "board:sn")));
        var revision = await client.PostFormWithTokenOfAsync("/overenskommelser", $"/overenskommelser/{DemoMunicipality.AgreementId}?handler=Revision", ("date", "2026-11-21"), ("note", "x"));

        Assert.DoesNotContain("href=\"/overenskommelser/ny\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("/andra\"", await agreement.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", form.RedirectTarget(), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", posted.RedirectTarget(), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", revision.RedirectTarget(), StringComparison.Ordinal);
        var agreements = await host.Host.Client.GetFromJsonAsync<List<AgreementResponse>>("/api/agreements", RunningHost.Json);
        Assert.DoesNotContain(agreements!, a => a.ValidFrom.Year == 2059);
    }
}
