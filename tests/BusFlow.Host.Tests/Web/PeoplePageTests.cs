using System.Net;
using System.Net.Http.Json;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Host.Api.People;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// The people pages and the roles on a board's page, on the demo in late November 2026: Socialnämnden's
/// presidium hands over on 1 January 2027; its secretary keeps its roles, and only its.
/// </summary>
public sealed class PeoplePageTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private const string OwnBoard = DemoMunicipality.SocialBoardId;
    private const string OtherBoard = DemoMunicipality.ChildrenAndYouthBoardId;

    private SessionClient Secretary => host.Callers[Caller.SecretaryOfAnotherBoard];

    private SessionClient Viewer => host.Callers[Caller.Viewer];

    [Fact]
    public async Task The_board_page_shows_who_holds_each_role_today_and_on_1_january_with_the_changes_in_words()
    {
        var page = await Viewer.Http.GetAsync($"/namnder/{OwnBoard}");
        var text = await PageText.OfAsync(page);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Vem har vilken roll i dag (23 november 2026) och den 1 januari 2027", text, StringComparison.Ordinal);
        Assert.Contains("Ordförande Anna Lindqvist Sofia Nyberg Ändras", text, StringComparison.Ordinal);
        Assert.Contains("Vice ordförande Erik Sandberg Olof Wester Ändras", text, StringComparison.Ordinal);
        Assert.Contains("Nämndsekreterare Maria Holmgren Maria Holmgren Oförändrad", text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"assign-form\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_roles_can_be_compared_with_another_day_and_read_in_english()
    {
        var page = await Viewer.Http.GetAsync($"/namnder/{OwnBoard}?dag=2026-12-31&lang=en");
        var text = await PageText.OfAsync(page);

        Assert.Contains("Who holds which role today (23 November 2026) and on 31 December 2026", text, StringComparison.Ordinal);
        Assert.Contains("Chair Anna Lindqvist Anna Lindqvist Unchanged", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_gives_a_role_on_her_board_and_an_overlapping_chair_is_named_next_to_its_field_and_not_saved()
    {
        const string Page = $"/namnder/{OwnBoard}";

        var added = await Secretary.PostFormWithTokenOfAsync(Page, Page + "?handler=Assign", ("person", "axel.holmberg"), ("role", "Member"), ("from", "2027-01-01"), ("until", ""));
        var overlap = await Secretary.PostFormWithTokenOfAsync(Page, Page + "?handler=Assign", ("person", "axel.holmberg"), ("role", "Chair"), ("from", "2026-12-01"), ("until", ""));
        var html = await overlap.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Axel Holmberg är ledamot från 1 januari 2027.", await PageText.OfAsync(added), StringComparison.Ordinal);
        Assert.Contains("Ledamot ingen Axel Holmberg Ändras", await PageText.OfAsync(added), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overlap.StatusCode);
        const string Message = "Från och med: krockar med Anna Lindqvist som ordförande 1 januari 2023 – 31 december 2026.";
        Assert.Contains(Message, await PageText.OfAsync(overlap), StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"from-error\">" + Message, html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"from-error\"", html, StringComparison.Ordinal);
        var axel = await host.Host.Client.GetFromJsonAsync<PersonDetailsResponse>("/api/people/axel.holmberg", RunningHost.Json);
        Assert.DoesNotContain(axel!.Assignments, a => a.Role == RoleKind.Chair);
        Assert.Single(axel.Assignments, a => a.BoardId == OwnBoard);
    }

    [Fact]
    public async Task A_secretary_is_offered_no_role_form_on_another_board_and_may_not_post_one()
    {
        var page = await Secretary.Http.GetAsync($"/namnder/{OtherBoard}");
        var posted = await Secretary.PostFormWithTokenOfAsync($"/namnder/{OwnBoard}", $"/namnder/{OtherBoard}?handler=Assign",
            ("person", "axel.holmberg"), ("role", "Member"), ("from", "2027-01-01"));

        Assert.DoesNotContain("id=\"assign-form\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("/konto/nekad", posted.RedirectTarget(), StringComparison.Ordinal);
        var axel = await host.Host.Client.GetFromJsonAsync<PersonDetailsResponse>("/api/people/axel.holmberg", RunningHost.Json);
        Assert.DoesNotContain(axel!.Assignments, a => a.BoardId == OtherBoard);
    }

    [Fact]
    public async Task The_people_page_lists_everyone_and_offers_the_form_to_a_secretary_but_not_to_a_viewer()
    {
        var viewer = await Viewer.Http.GetAsync("/personer");
        var secretary = await (await Secretary.Http.GetAsync("/personer")).Content.ReadAsStringAsync();

        Assert.Contains("Anna Lindqvist anna.lindqvist@exempelby.test Svenska", await PageText.OfAsync(viewer), StringComparison.Ordinal);
        Assert.Contains("href=\"/personer/anna.lindqvist\"", await viewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"create-form\"", await viewer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"create-form\"", secretary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_enters_a_person_and_a_form_with_errors_names_each_field_and_saves_nothing()
    {
        var administrator = host.Callers[Caller.Administrator];
        var before = await PeopleAsync();

        var wrong = await administrator.PostFormWithTokenOfAsync("/personer", "/personer?handler=Create", ("name", ""), ("email", "sofia.nyberg@EXEMPELBY.test"), ("language", "sv"));
        var created = await administrator.PostFormWithTokenOfAsync("/personer", "/personer?handler=Create", ("name", "Ulla Ek"), ("email", "ulla.ek@exempelby.test"), ("language", "en"));
        var page = await administrator.Http.GetAsync(created.RedirectTarget());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"field-error\" id=\"name-error\">Namn: måste fyllas i.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"email-error\">E-postadress: en annan person har redan den adressen.</p>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"sofia.nyberg@EXEMPELBY.test\"", html, StringComparison.Ordinal);
        Assert.Equal(before.Count + 1, (await PeopleAsync()).Count);
        Assert.Equal("/personer/ulla-ek?ny=1", created.RedirectTarget());
        Assert.Contains("Ulla Ek E-postadress ulla.ek@exempelby.test Språk Engelska Personen är inlagd.", await PageText.OfAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_gives_ends_and_removes_a_role_on_her_board_from_the_persons_page_but_not_another_boards()
    {
        const string Page = "/personer/emma.sundin";
        var henrik = await host.Host.Client.GetFromJsonAsync<PersonDetailsResponse>("/api/people/henrik.alander", RunningHost.Json);
        var henriksChair = henrik!.Assignments.Single(a => a.BoardId == OtherBoard && a.Role == RoleKind.Chair);

        var added = await Secretary.PostFormWithTokenOfAsync(Page, Page + "?handler=Assign", ("place", $"board:{OwnBoard}"), ("role", "CoOptedMember"), ("from", "2027-01-01"));
        var assignment = (await EmmaAsync()).Assignments.Single(a => a.BoardId == OwnBoard);
        var ended = await Secretary.PostFormWithTokenOfAsync(Page, Page + "?handler=End", ("assignment", assignment.Id.ToString()), ("until", "2027-06-30"));
        var endedDays = (await EmmaAsync()).Assignments.Single(a => a.Id == assignment.Id).Until;
        var removed = await Secretary.PostFormWithTokenOfAsync(Page, Page + "?handler=Remove", ("assignment", assignment.Id.ToString()));
        var refused = await Secretary.PostFormWithTokenOfAsync(Page, "/personer/henrik.alander?handler=End", ("assignment", henriksChair.Id.ToString()), ("until", "2026-11-30"));

        Assert.Contains("Adjungerad ledamot i Socialnämnden är tillagd.", await PageText.OfAsync(added), StringComparison.Ordinal);
        Assert.Contains("Adjungerad ledamot i Socialnämnden: 1 januari 2027 – 30 juni 2027.", await PageText.OfAsync(ended), StringComparison.Ordinal);
        Assert.Equal(new NodaTime.LocalDate(2027, 6, 30), endedDays);
        Assert.Contains("Rollen Adjungerad ledamot i Socialnämnden är borttagen.", await PageText.OfAsync(removed), StringComparison.Ordinal);
        Assert.DoesNotContain((await EmmaAsync()).Assignments, a => a.BoardId == OwnBoard);
        Assert.StartsWith("/konto/nekad", refused.RedirectTarget(), StringComparison.Ordinal);
        var after = await host.Host.Client.GetFromJsonAsync<PersonDetailsResponse>("/api/people/henrik.alander", RunningHost.Json);
        Assert.Equal(henriksChair.Until, after!.Assignments.Single(a => a.Id == henriksChair.Id).Until);
    }

    [Fact]
    public async Task A_person_of_another_board_is_shown_to_a_secretary_without_forms_to_change_her()
    {
        var html = await (await Secretary.Http.GetAsync("/personer/henrik.alander")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("id=\"details-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=End", html, StringComparison.Ordinal);
        Assert.Contains("Ordförande", html, StringComparison.Ordinal);
    }

    private async Task<PersonDetailsResponse> EmmaAsync() =>
        (await host.Host.Client.GetFromJsonAsync<PersonDetailsResponse>("/api/people/emma.sundin", RunningHost.Json))!;

    private async Task<List<PersonResponse>> PeopleAsync() =>
        (await host.Host.Client.GetFromJsonAsync<List<PersonResponse>>("/api/people", RunningHost.Json))!;
}
