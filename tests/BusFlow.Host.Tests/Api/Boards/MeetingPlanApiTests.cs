using System.Net;
using System.Net.Http.Json;
using System.Text;
using BusFlow.Bus.Demo;
using BusFlow.Host.Api.Boards;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Boards;

/// <summary>A board's meeting plan through the API: replaced from CSV, with every error by line and column and nothing half-saved.</summary>
public sealed class MeetingPlanApiTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private const string Board = DemoMunicipality.ChildrenAndYouthBoardId;

    [Fact]
    public async Task A_plan_put_as_csv_replaces_the_years_meetings_and_says_what_changed()
    {
        var before = await MeetingsAsync(2029);
        var first = before[0];
        var csv = $"{first.Date:yyyy-MM-dd};{first.StartsAt:HH:mm};Kommunhuset\n2029-12-20;08:30;Kommunhuset\n";

        using var response = await PutAsync(2029, csv);
        var changes = await response.ReadAsync<MeetingPlanChangesResponse>();
        var after = await MeetingsAsync(2029);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 1, 1, before.Count - 1), (changes.Planned, changes.Changed, changes.Added, changes.Removed));
        Assert.Equal(first.Id, after[0].Id);
        Assert.Equal(["Kommunhuset", "Kommunhuset"], after.Select(m => m.Place));
    }

    [Fact]
    public async Task A_plan_with_errors_gets_a_422_problem_naming_each_line_and_column_and_nothing_changes()
    {
        var before = await MeetingsAsync(2030);

        using var response = await PutAsync(2030, "2030-02-13;13:00;A\n2030-02-13;13:00;B\n2030-03-13;lunch;C\n2031-01-15;13:00;D\n");

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "nothing was saved");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}").ToList();
        Assert.Equal(
            ["line 2, column 1: 2030-02-13 is planned twice.", "line 3, column 2: 'lunch' is not a time (write 13:00 or 13.00).", "line 4, column 1: 2031-01-15 is not in the year of the plan."],
            errors);
        Assert.Equal(before, await MeetingsAsync(2030));
    }

    [Fact]
    public async Task One_meeting_is_added_on_a_free_day_refused_on_a_taken_or_past_day_and_taken_out_before_it_is_held()
    {
        var client = host.Host.Client;

        using var added = await client.PostAsJsonAsync($"/api/boards/{Board}/meetings", new { date = "2030-12-27", startsAt = "10:00", place = "Rådhuset" });
        var meeting = await added.ReadAsync<MeetingResponse>();
        using var taken = await client.PostAsJsonAsync($"/api/boards/{Board}/meetings", new { date = "2030-12-27" });
        using var past = await client.PostAsJsonAsync($"/api/boards/{Board}/meetings", new { date = "2026-11-02" });
        using var removed = await client.DeleteAsync($"/api/boards/{Board}/meetings/{meeting.Id}");
        var held = (await MeetingsAsync(2026)).First(m => m.Date < new NodaTime.LocalDate(2026, 11, 23));
        using var heldRemoved = await client.DeleteAsync($"/api/boards/{Board}/meetings/{held.Id}");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal((new NodaTime.LocalDate(2030, 12, 27), new NodaTime.LocalTime(10, 0), "Rådhuset"), (meeting.Date, meeting.StartsAt, meeting.Place));
        await Problems.AssertAsync(taken, HttpStatusCode.Conflict, "meets on 2030-12-27 already");
        var problem = await Problems.AssertAsync(past, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("$.date", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.DoesNotContain(await MeetingsAsync(2030), m => m.Id == meeting.Id);
        await Problems.AssertAsync(heldRemoved, HttpStatusCode.Conflict, "has been held");
        Assert.Contains(await MeetingsAsync(2026), m => m.Id == held.Id);
    }

    [Fact]
    public async Task A_board_is_created_and_changed_with_each_wrong_field_named_and_nothing_half_saved()
    {
        var client = host.Host.Client;

        using var bad = await client.PostAsJsonAsync("/api/boards", new { organizationId = "no-such-organization", code = "K S", name = "", noticeDays = 61 });
        using var created = await client.PostAsJsonAsync("/api/boards", new { organizationId = DemoMunicipality.OrganizationId, code = "ÖFN", name = "Överförmyndarnämnden", noticeDays = 5 });
        var board = await created.ReadAsync<BoardResponse>();
        using var duplicate = await client.PutAsJsonAsync($"/api/boards/{board.Id}", new { code = "KS", name = "Överförmyndarnämnden", noticeDays = 5 });
        using var changed = await client.PutAsJsonAsync($"/api/boards/{board.Id}", new { code = "ÖN", name = "Överförmyndarnämnden", noticeDays = 3, noticeInWorkingDays = true });
        var organizations = await client.GetFromJsonAsync<List<OrganizationResponse>>("/api/organizations", RunningHost.Json);

        var problem = await Problems.AssertAsync(bad, HttpStatusCode.UnprocessableEntity, "nothing was saved");
        Assert.Equal(["$.organizationId", "$.code", "$.name", "$.noticeDays"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("exempelby-ofn", "ÖFN"), (board.Id, board.Code));
        await Problems.AssertAsync(duplicate, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("ÖN", 3, true), ((await changed.ReadAsync<BoardResponse>()).Code, (await BoardAsync(board.Id)).NoticeDays, (await BoardAsync(board.Id)).NoticeInWorkingDays));
        Assert.Contains(organizations!, o => o.Id == DemoMunicipality.OrganizationId);
    }

    [Fact]
    public async Task An_organization_is_created_with_a_unique_name_and_a_kind_and_then_takes_boards()
    {
        var client = host.Host.Client;

        using var created = await client.PostAsJsonAsync("/api/organizations", new { name = "Region Exempelland", kind = "region" });
        var organization = await created.ReadAsync<OrganizationResponse>();
        using var again = await client.PostAsJsonAsync("/api/organizations", new { name = "region exempelland", kind = "region" });
        using var noKind = await client.PostAsJsonAsync("/api/organizations", new { name = "Polisen" });
        using var board = await client.PostAsJsonAsync("/api/boards", new { organizationId = organization.Id, code = "HSN", name = "Hälso- och sjukvårdsnämnden", noticeDays = 7 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("region-exempelland", BusFlow.Bus.Model.OrganizationKind.Region), (organization.Id, organization.Kind));
        var taken = await Problems.AssertAsync(again, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("$.name", taken.GetProperty("errors")[0].GetProperty("path").GetString());
        var kind = await Problems.AssertAsync(noKind, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("$.kind", kind.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.Created, board.StatusCode);
        Assert.Equal("region-exempelland-hsn", (await board.ReadAsync<BoardResponse>()).Id);
    }

    [Fact]
    public async Task An_unknown_board_is_a_404_problem()
    {
        using var response = await host.Host.Client.PutAsync("/api/boards/no-such-board/meetings/2027", new StringContent("2027-02-10;13:00;A\n", Encoding.UTF8, "text/csv"));

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "no-such-board");
    }

    private async Task<BoardResponse> BoardAsync(string id) =>
        Assert.Single((await host.Host.Client.GetFromJsonAsync<List<BoardResponse>>("/api/boards", RunningHost.Json))!, b => b.Id == id);

    private Task<HttpResponseMessage> PutAsync(int year, string csv) =>
        host.Host.Client.PutAsync($"/api/boards/{Board}/meetings/{year}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<List<MeetingResponse>> MeetingsAsync(int year) =>
        (await host.Host.Client.GetFromJsonAsync<List<MeetingResponse>>($"/api/boards/{Board}/meetings?year={year}", RunningHost.Json))!;
}
