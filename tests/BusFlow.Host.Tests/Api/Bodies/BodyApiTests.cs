using System.Net;
using System.Net.Http.Json;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Host.Api.Bodies;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using BusFlow.Host.Tests.Web;

namespace BusFlow.Host.Tests.Api.Bodies;

/// <summary>The demo's collaboration bodies in late November 2026: who is in them on a day, and the presidium meeting's rotating convener.</summary>
public sealed class BodyApiTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    [Fact]
    public async Task The_presidium_meeting_names_its_members_and_a_convener_rotating_among_the_boards_year_by_year()
    {
        var body = await host.Host.Client.GetFromJsonAsync<BodyResponse>($"/api/bodies/{DemoMunicipality.PresidiumId}", RunningHost.Json);

        Assert.Equal((BodyKind.PresidiumMeeting, new NodaTime.LocalDate(2026, 11, 23)), (body!.Kind, body.On));
        Assert.NotEmpty(body.Members!);
        Assert.All(body.Members!, m => Assert.Equal(RoleKind.Member, m.Role));
        // The rotation started with Socialnämnden in 2023: SN, BUN, KUN, and round again.
        Assert.Equal(
            [(2026, DemoMunicipality.SocialBoardId), (2027, DemoMunicipality.ChildrenAndYouthBoardId), (2028, DemoMunicipality.CultureAndEducationBoardId), (2029, DemoMunicipality.SocialBoardId)],
            body.Conveners!.Select(t => (t.Year, Assert.Single(t.BoardIds))));
    }

    [Fact]
    public async Task The_working_group_on_another_day_shows_who_is_in_it_then_with_the_regions_co_opted_member()
    {
        var body = await host.Host.Client.GetFromJsonAsync<BodyResponse>($"/api/bodies/{DemoMunicipality.WorkingGroupId}?on=2025-06-01", RunningHost.Json);
        using var bad = await host.Host.Client.GetAsync($"/api/bodies/{DemoMunicipality.WorkingGroupId}?on=juni");
        using var missing = await host.Host.Client.GetAsync("/api/bodies/no-such-body");

        Assert.Equal(new NodaTime.LocalDate(2025, 6, 1), body!.On);
        Assert.Contains(body.Members!, m => m.Role == RoleKind.CoOptedMember && m.Name == "Tove Engström");
        Assert.Empty(body.Conveners!);
        var problem = await Problems.AssertAsync(bad, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("on", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        await Problems.AssertAsync(missing, HttpStatusCode.NotFound, "no-such-body");
    }

    [Fact]
    public async Task The_bodies_page_lists_the_bodies_and_a_bodys_page_shows_its_members_and_conveners_in_swedish()
    {
        var viewer = host.Callers[Caller.Viewer].Http;

        var list = await PageText.OfAsync(await viewer.GetAsync("/organ"));
        var page = await PageText.OfAsync(await viewer.GetAsync($"/organ/{DemoMunicipality.PresidiumId}"));

        Assert.Contains("BUS ledningsgrupp (ledningsgrupp)", list, StringComparison.Ordinal);
        Assert.Contains("Presidiemöte BUS (presidiemöte)", list, StringComparison.Ordinal);
        Assert.Contains("Ingår den 23 november 2026", page, StringComparison.Ordinal);
        Assert.Contains("2027 Barn- och ungdomsnämnden", page, StringComparison.Ordinal);
    }
}
