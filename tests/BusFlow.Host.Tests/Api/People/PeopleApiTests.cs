using System.Net;
using System.Net.Http.Json;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Host.Api.Accounts;
using BusFlow.Host.Api.People;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using NodaTime;

namespace BusFlow.Host.Tests.Api.People;

/// <summary>
/// People and their roles through the API, on the demo in late November 2026: an administrator (the host's
/// client) and the secretary of Socialnämnden, with the next mandate's presidium prepared from 1 January.
/// </summary>
public sealed class PeopleApiTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private HttpClient Administrator => host.Host.Client;

    private HttpClient Secretary => host.Callers[Caller.SecretaryOfAnotherBoard].Http;

    [Fact]
    public async Task A_person_entered_is_listed_and_read_back_with_her_assignments()
    {
        using var created = await Administrator.PostAsJsonAsync("/api/people", new { name = "Karin Älvdal", email = "karin.alvdal@exempelby.test", language = "en" });
        var person = await created.ReadAsync<PersonResponse>();
        using var assigned = await Administrator.PostAsJsonAsync($"/api/people/{person.Id}/assignments",
            new { role = "member", boardId = DemoMunicipality.CultureAndEducationBoardId, from = "2027-01-01" });
        var details = await Administrator.GetFromJsonAsync<PersonDetailsResponse>($"/api/people/{person.Id}", RunningHost.Json);
        var everyone = await Administrator.GetFromJsonAsync<List<PersonResponse>>("/api/people", RunningHost.Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/people/{person.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("karin-alvdal", "Karin Älvdal", "en"), (person.Id, person.Name, person.Language));
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        var assignment = Assert.Single(details!.Assignments);
        Assert.Equal((RoleKind.Member, DemoMunicipality.CultureAndEducationBoardId, new LocalDate(2027, 1, 1), (LocalDate?)null), (assignment.Role, assignment.BoardId, assignment.From, assignment.Until));
        Assert.Contains(everyone!, p => p.Id == "karin-alvdal" && p.Email == "karin.alvdal@exempelby.test");
    }

    [Fact]
    public async Task A_person_with_wrong_fields_gets_a_422_naming_each_field_and_is_not_saved()
    {
        var before = await Administrator.GetFromJsonAsync<List<PersonResponse>>("/api/people", RunningHost.Json);

        using var wrong = await Administrator.PostAsJsonAsync("/api/people", new { name = "", email = "anna at exempelby", language = "fi" });
        using var taken = await Administrator.PostAsJsonAsync("/api/people", new { name = "Anna L", email = "Anna.Lindqvist@EXEMPELBY.test" });

        var problem = await Problems.AssertAsync(wrong, HttpStatusCode.UnprocessableEntity, "nothing was saved");
        Assert.Equal(["$.name: required", "$.email: not an e-mail address, e.g. anna.lindqvist@exempelby.se", "$.language: sv or en"], Errors(problem));
        Assert.Equal(["$.email: another person has this address"], Errors(await Problems.AssertAsync(taken, HttpStatusCode.UnprocessableEntity)));
        Assert.Equal(before!.Count, (await Administrator.GetFromJsonAsync<List<PersonResponse>>("/api/people", RunningHost.Json))!.Count);
    }

    [Fact]
    public async Task The_next_chair_from_1_january_shows_in_the_preview_as_a_change_and_todays_chair_stays_until_then()
    {
        const string Board = DemoMunicipality.ExecutiveBoardId;
        var prepared = await Administrator.GetFromJsonAsync<PersonDetailsResponse>("/api/people/helena.borg", RunningHost.Json);
        using var removed = await Administrator.DeleteAsync($"/api/assignments/{prepared!.Assignments.Single(a => a.BoardId == Board && a.Role == RoleKind.Chair).Id}");
        var vacant = await PreviewAsync(Board, null);

        using var assigned = await Administrator.PostAsJsonAsync("/api/people/daniel.kvarnstrom/assignments", new { role = "chair", boardId = Board, from = "2027-01-01" });
        var preview = await PreviewAsync(Board, null);
        var midsummer = await PreviewAsync(Board, "2027-06-19");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty(vacant.Roles.Single(r => r.Role == RoleKind.Chair).On);
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        Assert.Equal((new LocalDate(2026, 11, 23), new LocalDate(2027, 1, 1)), (preview.Today, preview.On));
        var chair = preview.Roles.Single(r => r.Role == RoleKind.Chair);
        Assert.Equal(("Birgitta Falk", "Daniel Kvarnström", true), (chair.Today.Single().Name, chair.On.Single().Name, chair.Changes));
        var secretary = preview.Roles.Single(r => r.Role == RoleKind.Secretary);
        Assert.False(secretary.Changes);
        Assert.Equal("Daniel Kvarnström", midsummer.Roles.Single(r => r.Role == RoleKind.Chair).On.Single().Name);
    }

    [Fact]
    public async Task A_second_chair_for_days_someone_chairs_is_refused_naming_the_assignment_it_overlaps()
    {
        var anna = await Administrator.GetFromJsonAsync<PersonDetailsResponse>("/api/people/anna.lindqvist", RunningHost.Json);
        var annasChair = anna!.Assignments.Single(a => a.BoardId == DemoMunicipality.SocialBoardId && a.Role == RoleKind.Chair);

        using var refused = await Administrator.PostAsJsonAsync("/api/people/oskar.lind/assignments",
            new { role = "chair", boardId = DemoMunicipality.SocialBoardId, from = "2026-12-01", until = "2026-12-31" });

        var problem = await Problems.AssertAsync(refused, HttpStatusCode.UnprocessableEntity, "nothing was saved");
        Assert.Equal(
            [$"$.from: overlaps Anna Lindqvist's assignment as chair from 2023-01-01 to 2026-12-31 (assignment {annasChair.Id}); one person holds the role at a time"],
            Errors(problem));
        var oskar = await Administrator.GetFromJsonAsync<PersonDetailsResponse>("/api/people/oskar.lind", RunningHost.Json);
        Assert.DoesNotContain(oskar!.Assignments, a => a.BoardId == DemoMunicipality.SocialBoardId);
    }

    [Fact]
    public async Task An_assignment_is_ended_with_new_days_and_an_end_before_its_start_is_refused()
    {
        var goran = await Administrator.GetFromJsonAsync<PersonDetailsResponse>("/api/people/goran.tidblad", RunningHost.Json);
        var head = goran!.Assignments.Single(a => a.Role == RoleKind.HeadOfAdministration);

        using var wrong = await Administrator.PutAsJsonAsync($"/api/assignments/{head.Id}", new { until = "2022-12-31" });
        using var ended = await Administrator.PutAsJsonAsync($"/api/assignments/{head.Id}", new { until = "2027-03-31" });
        using var missing = await Administrator.PutAsJsonAsync($"/api/assignments/{Guid.NewGuid()}", new { until = "2027-03-31" });

        Assert.Equal(["$.until: before from: an assignment ends on or after the day it starts"], Errors(await Problems.AssertAsync(wrong, HttpStatusCode.UnprocessableEntity)));
        var changed = await ended.ReadAsync<AssignmentResponse>();
        Assert.Equal((head.From, (LocalDate?)new LocalDate(2027, 3, 31)), (changed.From, changed.Until));
        await Problems.AssertAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_secretary_assigns_on_her_own_board_but_is_refused_on_another_and_the_change_is_in_the_audit_log()
    {
        using var own = await Secretary.PostAsJsonAsync("/api/people/emma.sundin/assignments",
            new { role = "coOptedMember", boardId = DemoMunicipality.SocialBoardId, from = "2027-01-01", until = "2030-12-31" });
        using var other = await Secretary.PostAsJsonAsync("/api/people/emma.sundin/assignments",
            new { role = "coOptedMember", boardId = DemoMunicipality.ChildrenAndYouthBoardId, from = "2027-01-01" });
        using var body = await Secretary.PostAsJsonAsync("/api/people/emma.sundin/assignments",
            new { role = "member", bodyId = DemoMunicipality.SteeringGroupId, from = "2027-01-01" });

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await Problems.AssertAsync(other, HttpStatusCode.Forbidden, "secretary of the board");
        await Problems.AssertAsync(body, HttpStatusCode.Forbidden);
        var emma = await Administrator.GetFromJsonAsync<PersonDetailsResponse>("/api/people/emma.sundin", RunningHost.Json);
        Assert.Single(emma!.Assignments, a => a.Role == RoleKind.CoOptedMember);
        var audit = await Administrator.GetFromJsonAsync<List<AuditLineResponse>>(
            $"/api/audit?actor={Uri.EscapeDataString(host.SecretaryEmail)}&action=change", RunningHost.Json);
        Assert.Contains(audit!, l => l.Target == "/api/people/emma.sundin/assignments" && l.Detail == "POST /api/people/{id}/assignments");
    }

    [Fact]
    public async Task A_secretary_enters_and_corrects_a_person_of_her_own_but_may_not_change_another_boards_chair()
    {
        using var created = await Secretary.PostAsJsonAsync("/api/people", new { name = "Nils Ny", email = "nils.ny@exempelby.test" });
        var nils = await created.ReadAsync<PersonResponse>();
        using var corrected = await Secretary.PutAsJsonAsync($"/api/people/{nils.Id}", new { name = "Nils Nyström", email = "nils.nystrom@exempelby.test", language = "sv" });
        using var refused = await Secretary.PutAsJsonAsync("/api/people/henrik.alander", new { name = "Henrik Ålander", email = "henrik@elsewhere.test" });

        Assert.Equal(("Nils Ny", "sv"), (nils.Name, nils.Language));
        Assert.Equal("nils.nystrom@exempelby.test", (await corrected.ReadAsync<PersonResponse>()).Email);
        await Problems.AssertAsync(refused, HttpStatusCode.Forbidden);
        var henrik = await Administrator.GetFromJsonAsync<PersonDetailsResponse>("/api/people/henrik.alander", RunningHost.Json);
        Assert.Equal("henrik.alander@exempelby.test", henrik!.Email);
    }

    [Fact]
    public async Task The_preview_of_a_board_that_is_not_there_is_a_404_and_a_day_that_is_not_a_date_a_422()
    {
        using var missing = await Administrator.GetAsync("/api/boards/no-such-board/roles");
        using var bad = await Administrator.GetAsync($"/api/boards/{DemoMunicipality.SocialBoardId}/roles?on=1-1-2027");

        await Problems.AssertAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(["on: a date, e.g. 2027-01-01"], Errors(await Problems.AssertAsync(bad, HttpStatusCode.UnprocessableEntity)));
    }

    private async Task<RolePreviewResponse> PreviewAsync(string board, string? on) =>
        (await Administrator.GetFromJsonAsync<RolePreviewResponse>($"/api/boards/{board}/roles{(on is null ? "" : "?on=" + on)}", RunningHost.Json))!;

    private static List<string> Errors(System.Text.Json.JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}")];
}
