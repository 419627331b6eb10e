using System.Net;
using System.Net.Http.Json;
using BusFlow.Bus.Demo;
using BusFlow.Host.Api.Bodies;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// Bodies entered and changed on their pages by an administrator, on the demo in late November 2026: the form
/// with its rotation rows, its errors at the fields and in a linked summary, and the members added on the body's page.
/// </summary>
public sealed class BodyPageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private SessionClient Administrator => host.Callers[Caller.Administrator];

    [Fact]
    public async Task An_administrator_creates_a_presidium_meeting_and_its_page_shows_the_conveners_from_the_first_year()
    {
        var name = $"Presidiemöte {Guid.NewGuid():N}";

        var created = await Administrator.PostFormAsync("/organ/ny", Fields(name, ("sn", ""), ("bun", "kun"), ("ks", ""), ("", ""), "2027"));
        var page = await Administrator.Http.GetAsync(created.RedirectTarget());
        var text = await PageText.OfAsync(page);

        Assert.StartsWith("/organ/exempelby-presidiemote-", created.RedirectTarget(), StringComparison.Ordinal);
        Assert.EndsWith("?sparad=ny", created.RedirectTarget(), StringComparison.Ordinal);
        Assert.Contains("Organet är skapat.", text, StringComparison.Ordinal);
        Assert.Contains("2027 Socialnämnden 2028 Barn- och ungdomsnämnden, Kultur- och utbildningsnämnden 2029 Kommunstyrelsen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_board_twice_in_the_rotation_is_named_at_its_select_and_in_a_linked_summary_and_nothing_is_saved()
    {
        var name = $"Dubbel {Guid.NewGuid():N}";

        var refused = await Administrator.PostFormAsync("/organ/ny", Fields(name, ("sn", ""), ("bun", "sn"), ("", ""), ("", ""), "2027"));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Plats 2: sammankallar tillsammans med (valfritt): nämnden finns redan i turordningen.", await PageText.OfAsync(refused), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#slot-1-1\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"rotation-hint slot-1-1-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        var bodies = await host.Host.Client.GetFromJsonAsync<List<BodyResponse>>("/api/bodies", RunningHost.Json);
        Assert.DoesNotContain(bodies!, b => b.Name == name);
    }

    [Fact]
    public async Task An_administrator_changes_the_rotation_and_the_body_page_shows_the_new_conveners_at_once()
    {
        var id = await CreateAsync($"Styrgrupp {Guid.NewGuid():N}");
        var path = $"/organ/{id}/andra";

        var form = await Administrator.Http.GetAsync(path);
        var badYear = await Administrator.PostFormAsync(path, Fields("Presidiet", ("ks", ""), ("", ""), ("", ""), ("", ""), "1850"));
        var saved = await Administrator.PostFormAsync(path, Fields("Presidiet", ("ks", ""), ("kun", ""), ("", ""), ("", ""), "2026"));
        var page = await PageText.OfAsync(await Administrator.Http.GetAsync(saved.RedirectTarget()));

        Assert.Contains("<option value=\"sn\" selected=\"selected\">Socialnämnden</option>", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("År för första platsen är ett år mellan 2000 och 2100.", await PageText.OfAsync(badYear), StringComparison.Ordinal);
        Assert.Equal($"/organ/{id}?sparad=andrad", saved.RedirectTarget());
        Assert.Contains("Ändringarna är sparade", page, StringComparison.Ordinal);
        Assert.Contains("2026 Kommunstyrelsen 2027 Kultur- och utbildningsnämnden 2028 Kommunstyrelsen 2029 Kultur- och utbildningsnämnden", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slot_of_three_boards_from_a_setup_file_keeps_all_three_when_the_form_is_saved()
    {
        using var created = await host.Host.Client.PostAsJsonAsync("/api/bodies", new
        {
            name = $"Tre {Guid.NewGuid():N}",
            kind = "steeringGroup",
            organizationId = DemoMunicipality.OrganizationId,
            rotationOrder = new[] { new[] { "sn", "bun", "kun" }, new[] { "ks" } },
            rotationStartYear = 2027,
        });
        var id = (await created.ReadAsync<BodyResponse>()).Id;
        var path = $"/organ/{id}/andra";

        var form = await (await Administrator.Http.GetAsync(path)).Content.ReadAsStringAsync();
        var saved = await Administrator.PostFormOfPageAsync(path, form,
            ("name", "Tre nämnder"), ("kind", "SteeringGroup"), ("organizationId", DemoMunicipality.OrganizationId), ("agreementId", ""),
            ("slot-0", "sn"), ("slot-0", "bun"), ("slot-0", "kun"), ("slot-1", "ks"), ("slot-1", ""), ("rotationStartYear", "2027"));

        Assert.Contains("<select id=\"slot-0-2\" name=\"slot-0\"", form, StringComparison.Ordinal);
        Assert.Equal($"/organ/{id}?sparad=andrad", saved.RedirectTarget());
        var body = await host.Host.Client.GetFromJsonAsync<BodyResponse>($"/api/bodies/{id}", RunningHost.Json);
        Assert.Equal([["sn", "bun", "kun"], ["ks"]], body!.RotationOrder);
    }

    [Fact]
    public async Task An_administrator_adds_a_co_opted_member_ends_and_removes_memberships_and_the_list_follows()
    {
        var id = await CreateAsync($"Arbetsgrupp {Guid.NewGuid():N}");
        var path = $"/organ/{id}";

        var missing = await Administrator.PostFormWithTokenOfAsync(path, $"{path}?handler=AddMember", ("person", ""), ("role", "CoOptedMember"), ("from", "2027-01-01"));
        var added = await Administrator.PostFormWithTokenOfAsync(path, $"{path}?handler=AddMember", ("person", "tove.engstrom"), ("role", "CoOptedMember"), ("from", "2027-01-01"), ("until", ""));
        var addedText = await PageText.OfAsync(added);
        var member = (await host.Host.Client.GetFromJsonAsync<BodyResponse>($"/api/bodies/{id}?on=2027-01-01", RunningHost.Json))!.Members!.Single();
        var ended = await Administrator.PostFormWithTokenOfAsync(path, $"{path}?handler=End&dag=2027-01-01", ("assignment", Assignment(await added.Content.ReadAsStringAsync())), ("until", "2027-06-30"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#personId\">", missingHtml, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"personId-error\"", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Ingår den 1 januari 2027", addedText, StringComparison.Ordinal);
        Assert.Contains("Tove Engström är adjungerad ledamot", addedText, StringComparison.Ordinal);
        Assert.Contains("Tove Engström Adjungerad ledamot", addedText, StringComparison.Ordinal);
        Assert.Equal("tove.engstrom", member.PersonId);
        Assert.Contains("Tove Engström ingår i organet till och med", await PageText.OfAsync(ended), StringComparison.Ordinal);
        var removed = await Administrator.PostFormWithTokenOfAsync(path, $"{path}?handler=Remove&dag=2027-01-01", ("assignment", Assignment(await ended.Content.ReadAsStringAsync())));
        Assert.Contains("Tove Engströms uppdrag är borttaget.", await PageText.OfAsync(removed), StringComparison.Ordinal);
        Assert.Empty((await host.Host.Client.GetFromJsonAsync<BodyResponse>($"/api/bodies/{id}?on=2027-01-01", RunningHost.Json))!.Members!);
    }

    [Fact]
    public async Task A_viewer_and_a_secretary_are_offered_no_forms_and_are_refused_when_they_post_one()
    {
        var viewer = host.Callers[Caller.Viewer];
        var secretary = host.Callers[Caller.SecretaryOfAnotherBoard];
        var path = $"/organ/{DemoMunicipality.PresidiumId}";

        var list = await (await viewer.Http.GetAsync("/organ")).Content.ReadAsStringAsync();
        var page = await (await secretary.Http.GetAsync(path)).Content.ReadAsStringAsync();
        var create = await viewer.PostFormWithTokenOfAsync("/organ", "/organ/ny", Fields("Smyg", ("sn", ""), ("", ""), ("", ""), ("", ""), "2027"));
        var member = await secretary.PostFormWithTokenOfAsync(path, $"{path}?handler=AddMember", ("person", "emma.sundin"), ("role", "Member"), ("from", "2027-01-01"));
        var edit = await secretary.PostFormWithTokenOfAsync(path, $"{path}/andra", Fields("Smyg", ("sn", ""), ("", ""), ("", ""), ("", ""), "2027"));

        Assert.DoesNotContain("/organ/ny", list, StringComparison.Ordinal);
        Assert.DoesNotContain("/andra", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"member-form\"", page, StringComparison.Ordinal);
        Assert.All([create, member, edit], r => Assert.StartsWith("/konto/nekad", r.RedirectTarget(), StringComparison.Ordinal));
        var presidium = await host.Host.Client.GetFromJsonAsync<BodyResponse>($"/api/bodies/{DemoMunicipality.PresidiumId}?on=2027-01-01", RunningHost.Json);
        Assert.Equal("Presidiemöte BUS", presidium!.Name);
        Assert.DoesNotContain(presidium.Members!, m => m.PersonId == "emma.sundin");
    }

    private static (string Name, string Value)[] Fields(string name, (string First, string Second) a, (string First, string Second) b, (string First, string Second) c, (string First, string Second) d, string year) =>
    [
        ("name", name), ("kind", "PresidiumMeeting"), ("organizationId", DemoMunicipality.OrganizationId), ("agreementId", DemoMunicipality.AgreementId),
        .. new[] { a, b, c, d }.SelectMany((row, r) => new[] { ($"slot-{r}", row.First), ($"slot-{r}", row.Second) }),
        ("rotationStartYear", year),
    ];

    /// <summary>The id of the first membership on the page, from its end form.</summary>
    private static string Assignment(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"assignment\" value=\"([0-9a-f-]+)\"").Groups[1].Value;

    private async Task<string> CreateAsync(string name)
    {
        using var created = await host.Host.Client.PostAsJsonAsync("/api/bodies", new
        {
            name,
            kind = "workingGroup",
            organizationId = DemoMunicipality.OrganizationId,
            rotationOrder = new[] { new[] { "sn" }, new[] { "bun" } },
            rotationStartYear = 2026,
        });
        return (await created.ReadAsync<BodyResponse>()).Id;
    }
}
