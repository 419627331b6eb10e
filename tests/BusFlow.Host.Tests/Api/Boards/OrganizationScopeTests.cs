using System.Net;
using System.Net.Http.Json;
using BusFlow.Bus.Demo;
using BusFlow.Host.Api.Boards;
using BusFlow.Host.Api.People;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Boards;

/// <summary>
/// Two municipalities on one installation: a secretary sees her own organization's boards and
/// meeting plans, and nothing of the other's, in the API and on the pages; a viewer sees both.
/// </summary>
public sealed class OrganizationScopeTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    [Fact]
    public async Task A_secretary_sees_her_own_municipalitys_boards_and_nothing_of_another_one_while_a_viewer_sees_both()
    {
        var other = await OtherMunicipalityBoardAsync();
        var secretary = host.Callers[Caller.SecretaryOfAnotherBoard].Http;
        var viewer = host.Callers[Caller.Viewer].Http;

        var seenBySecretary = await secretary.GetFromJsonAsync<List<BoardResponse>>("/api/boards", RunningHost.Json);
        var organizationsOfSecretary = await secretary.GetFromJsonAsync<List<OrganizationResponse>>("/api/organizations", RunningHost.Json);
        using var otherPlan = await secretary.GetAsync($"/api/boards/{other.Id}/meetings?year=2027");
        using var otherPage = await secretary.GetAsync($"/namnder/{other.Id}");
        var boardsPage = await secretary.GetStringAsync("/namnder");
        var seenByViewer = await viewer.GetFromJsonAsync<List<BoardResponse>>("/api/boards", RunningHost.Json);
        using var otherPlanForViewer = await viewer.GetAsync($"/api/boards/{other.Id}/meetings?year=2027");

        Assert.Contains(seenBySecretary!, b => b.Id == DemoMunicipality.ChildrenAndYouthBoardId);
        Assert.All(seenBySecretary!, b => Assert.Equal(DemoMunicipality.OrganizationId, b.OrganizationId));
        Assert.Equal([DemoMunicipality.OrganizationId], organizationsOfSecretary!.Select(o => o.Id));
        await Problems.AssertAsync(otherPlan, HttpStatusCode.NotFound, "There is no board");
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        Assert.DoesNotContain("Grannby", boardsPage, StringComparison.Ordinal);
        Assert.Contains(seenByViewer!, b => b.Id == other.Id);
        Assert.Equal(HttpStatusCode.OK, otherPlanForViewer.StatusCode);
    }

    [Fact]
    public async Task A_secretary_does_not_see_another_municipalitys_people_in_the_list_the_api_or_their_page_while_a_viewer_does()
    {
        var other = await OtherMunicipalityBoardAsync();
        var admin = host.Host.Client;
        var email = $"chair-{Guid.NewGuid():N}@grannby.test";
        using var created = await admin.PostAsJsonAsync("/api/people", new { name = "Gunnel Grann", email });
        var chair = await created.ReadAsync<PersonResponse>();
        using var assigned = await admin.PostAsJsonAsync($"/api/people/{chair.Id}/assignments", new { role = "chair", boardId = other.Id, from = "2027-01-01" });
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        var secretary = host.Callers[Caller.SecretaryOfAnotherBoard].Http;
        var viewer = host.Callers[Caller.Viewer].Http;

        var seenBySecretary = await secretary.GetFromJsonAsync<List<PersonResponse>>("/api/people", RunningHost.Json);
        using var herPerson = await secretary.GetAsync($"/api/people/{chair.Id}");
        using var herPage = await secretary.GetAsync($"/personer/{chair.Id}");
        var peoplePage = await secretary.GetStringAsync("/personer");
        var seenByViewer = await viewer.GetFromJsonAsync<List<PersonResponse>>("/api/people", RunningHost.Json);

        Assert.DoesNotContain(seenBySecretary!, p => p.Id == chair.Id);
        Assert.Contains(seenBySecretary!, p => p.Id == "anna.lindqvist");
        await Problems.AssertAsync(herPerson, HttpStatusCode.NotFound, "There is no person");
        Assert.Equal(HttpStatusCode.NotFound, herPage.StatusCode);
        Assert.DoesNotContain(email, peoplePage, StringComparison.Ordinal);
        Assert.Contains(seenByViewer!, p => p.Id == chair.Id);
    }

    private async Task<BoardResponse> OtherMunicipalityBoardAsync()
    {
        var admin = host.Host.Client;
        using var organization = await admin.PostAsJsonAsync("/api/organizations", new { name = "Grannby kommun", kind = "municipality" });
        var id = organization.StatusCode == HttpStatusCode.Created ? (await organization.ReadAsync<OrganizationResponse>()).Id : "grannby-kommun";
        using var created = await admin.PostAsJsonAsync("/api/boards", new { organizationId = id, code = "GSN", name = "Grannby socialnämnd", noticeDays = 5 });
        return Assert.Single((await admin.GetFromJsonAsync<List<BoardResponse>>("/api/boards", RunningHost.Json))!, b => b.OrganizationId == id && b.Code == "GSN");
    }
}
