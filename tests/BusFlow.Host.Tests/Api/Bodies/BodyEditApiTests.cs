using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Host.Api.Bodies;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Bodies;

/// <summary>Bodies entered and changed through the API by an administrator, with their members added through the assignments endpoint.</summary>
public sealed class BodyEditApiTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private HttpClient Administrator => host.Host.Client;

    [Fact]
    public async Task An_administrator_creates_a_presidium_meeting_with_a_rotation_and_reads_its_conveners_back()
    {
        var name = $"Presidiemöte {Guid.NewGuid():N}";
        using var created = await Administrator.PostAsJsonAsync("/api/bodies", Body(name, [["sn"], ["bun", "kun"], ["ks"]], 2027));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadAsync<BodyResponse>();
        Assert.Equal($"/api/bodies/{body.Id}", created.Headers.Location?.OriginalString);
        Assert.StartsWith("exempelby-presidiemote-", body.Id, StringComparison.Ordinal);
        var read = await Administrator.GetFromJsonAsync<BodyResponse>($"/api/bodies/{body.Id}?on=2027-06-01", RunningHost.Json);
        Assert.Equal([["sn"], ["bun", "kun"], ["ks"], ["sn"]], read!.Conveners!.Select(t => t.BoardIds));
        Assert.Equal(2027, read.Conveners![0].Year);
        Assert.Equal((BodyKind.PresidiumMeeting, DemoMunicipality.AgreementId, (int?)2027), (read.Kind, read.AgreementId, read.RotationStartYear));
    }

    [Fact]
    public async Task Every_wrong_field_is_named_by_its_json_path_and_nothing_is_saved()
    {
        var name = $"Fel {Guid.NewGuid():N}";
        using var wrong = await Administrator.PostAsJsonAsync("/api/bodies", new
        {
            name,
            organizationId = "nowhere",
            agreementId = "no-agreement",
            rotationOrder = new[] { new[] { "sn" }, new[] { "no-board", "sn" } },
            rotationStartYear = 20277,
        });
        using var yearOnly = await Administrator.PostAsJsonAsync("/api/bodies", Body(name, [], 2027));

        Assert.Equal(
            [
                "$.kind: steeringGroup, managementGroup, workingGroup or presidiumMeeting", "$.organizationId: no such organization", "$.agreementId: no such agreement",
                "$.rotationOrder[1][0]: no such board", "$.rotationOrder[1][1]: the board is in the rotation already; each board convenes in one slot",
                "$.rotationStartYear: a year between 2000 and 2100",
            ],
            Errors(await Problems.AssertAsync(wrong, HttpStatusCode.UnprocessableEntity)));
        Assert.Equal(["$.rotationOrder: a start year needs the rotation's order"], Errors(await Problems.AssertAsync(yearOnly, HttpStatusCode.UnprocessableEntity)));
        var bodies = await Administrator.GetFromJsonAsync<List<BodyResponse>>("/api/bodies", RunningHost.Json);
        Assert.DoesNotContain(bodies!, b => b.Name == name);
    }

    [Fact]
    public async Task A_changed_rotation_shows_in_the_conveners_at_once_and_an_unknown_body_is_not_found()
    {
        var id = await CreateAsync(Body($"Styrgrupp {Guid.NewGuid():N}", [["sn"], ["bun"]], 2027));

        using var changed = await Administrator.PutAsJsonAsync($"/api/bodies/{id}", Body("Presidiet", [["ks"], ["kun"]], 2030));
        using var missing = await Administrator.PutAsJsonAsync("/api/bodies/no-such-body", Body("Presidiet", [], null));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var read = await Administrator.GetFromJsonAsync<BodyResponse>($"/api/bodies/{id}?on=2030-01-01", RunningHost.Json);
        Assert.Equal("Presidiet", read!.Name);
        Assert.Equal([(2030, "ks"), (2031, "kun"), (2032, "ks"), (2033, "kun")], read.Conveners!.Select(t => (t.Year, Assert.Single(t.BoardIds))));
        await Problems.AssertAsync(missing, HttpStatusCode.NotFound, "no-such-body");
    }

    [Fact]
    public async Task A_co_opted_member_added_through_the_assignments_endpoint_is_in_the_body_and_a_secretary_may_neither_add_one_nor_change_the_body()
    {
        var id = await CreateAsync(Body($"Arbetsgrupp {Guid.NewGuid():N}", [], null));
        var secretary = host.Callers[Caller.SecretaryOfAnotherBoard].Http;

        using var added = await Administrator.PostAsJsonAsync("/api/people/tove.engstrom/assignments", new { role = "coOptedMember", bodyId = id, from = "2027-01-01", until = "2027-12-31" });
        using var refused = await secretary.PostAsJsonAsync("/api/people/emma.sundin/assignments", new { role = "member", bodyId = id, from = "2027-01-01" });
        using var notHers = await secretary.PutAsJsonAsync($"/api/bodies/{id}", Body("Hennes", [], null));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await Problems.AssertAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, notHers.StatusCode);
        var read = await Administrator.GetFromJsonAsync<BodyResponse>($"/api/bodies/{id}?on=2027-03-01", RunningHost.Json);
        var member = Assert.Single(read!.Members!);
        Assert.Equal(("tove.engstrom", RoleKind.CoOptedMember), (member.PersonId, member.Role));
    }

    private static object Body(string name, string[][] order, int? startYear) => new
    {
        name,
        kind = "presidiumMeeting",
        organizationId = DemoMunicipality.OrganizationId,
        agreementId = DemoMunicipality.AgreementId,
        rotationOrder = order,
        rotationStartYear = startYear,
    };

    private async Task<string> CreateAsync(object body)
    {
        using var created = await Administrator.PostAsJsonAsync("/api/bodies", body);
        return (await created.ReadAsync<BodyResponse>()).Id;
    }

    private static List<string> Errors(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}")];
}
