using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Host.Api.Agreements;
using BusFlow.Host.Tests.Security;
using BusFlow.Host.Tests.Support;
using NodaTime;

namespace BusFlow.Host.Tests.Api.Agreements;

/// <summary>
/// An administrator enters and changes agreements through the API, on the demo in late November 2026; each
/// test takes a period of its own so that their ids do not meet on the shared host.
/// </summary>
public sealed class AgreementEditingApiTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    private const string Region = DemoMunicipality.RegionId;

    private HttpClient Administrator => host.Host.Client;

    private static object Agreement(int from, object[] parties, string title = "BUS i Exempelby") => new
    {
        title,
        organizationId = DemoMunicipality.OrganizationId,
        validFrom = $"{from}-01-01",
        validUntil = $"{from + 3}-12-31",
        bodyId = DemoMunicipality.ManagementGroupId,
        cycle = "springAndAutumn",
        parties,
        recipients = new[] { "sn", "ks" },
    };

    private static object Board(string id, string involvement = "decides") => new { boardId = id, involvement };

    [Fact]
    public async Task An_agreement_entered_is_answered_with_its_place_and_read_back_with_its_parties()
    {
        using var created = await Administrator.PostAsJsonAsync("/api/agreements",
            Agreement(2031, [Board("sn"), Board("bun"), new { organizationId = Region, representativeId = "tove.engstrom", involvement = "consulted" }]));
        var agreement = await created.ReadAsync<AgreementResponse>();
        var read = await Administrator.GetFromJsonAsync<AgreementResponse>($"/api/agreements/{agreement.Id}", RunningHost.Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/agreements/exempelby-bus-2031-2034", created.Headers.Location?.OriginalString);
        Assert.Equal(("BUS i Exempelby", AgreementStatus.Draft, new LocalDate(2034, 12, 31)), (read!.Title, read.Status, read.ValidUntil));
        Assert.Equal(["sn", "bun"], read.PartyBoardIds);
        Assert.Equal(
            [new("sn", null, null, PartyInvolvement.Decides), new("bun", null, null, PartyInvolvement.Decides), new AgreementPartyResponse(null, Region, "tove.engstrom", PartyInvolvement.Consulted)],
            read.Parties);
        Assert.Equal(["sn", "ks"], read.Recipients);
    }

    [Fact]
    public async Task A_change_of_parties_and_status_is_read_back_as_sent()
    {
        using var created = await Administrator.PostAsJsonAsync("/api/agreements", Agreement(2035, [Board("sn"), Board("bun")]));
        var id = (await created.ReadAsync<AgreementResponse>()).Id;

        using var changed = await Administrator.PutAsJsonAsync($"/api/agreements/{id}", Agreement(2035, [Board("kun"), Board("sn", "consulted")], title: "BUS 2035–2038"));
        var read = await Administrator.GetFromJsonAsync<AgreementResponse>($"/api/agreements/{id}", RunningHost.Json);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("BUS 2035–2038", read!.Title);
        Assert.Equal(["kun"], read.PartyBoardIds);
        Assert.Equal([("kun", PartyInvolvement.Decides), ("sn", PartyInvolvement.Consulted)], read.Parties.Select(p => (p.BoardId!, p.Involvement)));
    }

    [Fact]
    public async Task Each_wrong_field_is_named_by_its_json_path_and_nothing_is_stored()
    {
        var before = await Administrator.GetFromJsonAsync<List<AgreementResponse>>("/api/agreements", RunningHost.Json);

        using var wrong = await Administrator.PostAsJsonAsync("/api/agreements", new
        {
            title = "",
            organizationId = "no-organization",
            validFrom = "2039-01-01",
            validUntil = "2038-12-31",
            bodyId = "no-body",
            cycle = "yearlyFollowUp",
            parties = new object[]
            {
                new { involvement = "decides" },
                new { boardId = "sn", organizationId = Region, involvement = "decides" },
                new { boardId = "no-board", representativeId = "nobody", involvement = "decides" },
                Board("bun"),
                Board("bun"),
            },
            recipients = new[] { "sn", "styrgrupp" },
            predecessorId = "no-agreement",
        });
        using var noParties = await Administrator.PostAsJsonAsync("/api/agreements", Agreement(2039, []));

        Assert.Equal(
            [
                "$.title: required", "$.organizationId: no such organization", "$.validUntil: before validFrom: an agreement ends on or after the day it starts",
                "$.bodyId: no such body",
                "$.parties[0].boardId: a board (boardId) or an organization (organizationId), one of the two",
                "$.parties[1].boardId: a board (boardId) or an organization (organizationId), one of the two",
                "$.parties[2].boardId: no such board", "$.parties[2].representativeId: no such person", "$.parties[4].boardId: a party once only",
                "$.recipients[1]: not a board or an organization", "$.predecessorId: no such agreement",
            ],
            Errors(await Problems.AssertAsync(wrong, HttpStatusCode.UnprocessableEntity, "nothing was saved")));
        Assert.Equal(["$.parties: at least one party"], Errors(await Problems.AssertAsync(noParties, HttpStatusCode.UnprocessableEntity)));
        Assert.Equal(before!.Count, (await Administrator.GetFromJsonAsync<List<AgreementResponse>>("/api/agreements", RunningHost.Json))!.Count);
    }

    [Fact]
    public async Task A_wrong_change_leaves_the_agreement_as_it_was()
    {
        using var signed = await Administrator.PutAsJsonAsync($"/api/agreements/{DemoMunicipality.AgreementId}",
            new { title = "Ändrad", organizationId = DemoMunicipality.OrganizationId, validFrom = "2023-01-01", validUntil = "2026-12-31", status = "signed", cycle = "springAndAutumn", parties = new[] { Board("sn") } });
        var read = await Administrator.GetFromJsonAsync<AgreementResponse>($"/api/agreements/{DemoMunicipality.AgreementId}", RunningHost.Json);

        Assert.Equal(["$.status: draft or active, or the status the agreement has: its decision round sets the others"], Errors(await Problems.AssertAsync(signed, HttpStatusCode.UnprocessableEntity)));
        Assert.Equal((DemoMunicipality.AgreementTitle, AgreementStatus.Active), (read!.Title, read.Status));
        Assert.Equal(DemoMunicipality.PartyBoardIds, read.PartyBoardIds);
    }

    [Fact]
    public async Task A_revision_is_recorded_and_one_without_a_note_is_refused()
    {
        using var added = await Administrator.PostAsJsonAsync($"/api/agreements/{DemoMunicipality.AgreementId}/revisions", new { date = "2026-11-20", note = "Bilaga 3 om elevhälsan." });
        using var empty = await Administrator.PostAsJsonAsync($"/api/agreements/{DemoMunicipality.AgreementId}/revisions", new { note = "" });

        var revision = await added.ReadAsync<AgreementRevisionResponse>();
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal((new LocalDate(2026, 11, 20), "Bilaga 3 om elevhälsan."), (revision.Date, revision.Note));
        Assert.Equal(["$.date: required", "$.note: required"], Errors(await Problems.AssertAsync(empty, HttpStatusCode.UnprocessableEntity, "revision")));
    }

    [Fact]
    public async Task A_secretary_and_a_viewer_are_refused_and_an_unknown_agreement_is_not_found()
    {
        using var secretary = await host.Callers[Caller.SecretaryOfAnotherBoard].Http.PostAsJsonAsync("/api/agreements", Agreement(2043, [Board("sn")]));
        using var viewer = await host.Callers[Caller.Viewer].Http.PutAsJsonAsync($"/api/agreements/{DemoMunicipality.AgreementId}", Agreement(2023, [Board("sn")]));
        using var unknown = await Administrator.PutAsJsonAsync("/api/agreements/no-such-agreement", Agreement(2043, [Board("sn")]));
        using var unknownRevision = await Administrator.PostAsJsonAsync("/api/agreements/no-such-agreement/revisions", new { date = "2026-11-20", note = "x" });

        await Problems.AssertAsync(secretary, HttpStatusCode.Forbidden);
        await Problems.AssertAsync(viewer, HttpStatusCode.Forbidden);
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound);
        await Problems.AssertAsync(unknownRevision, HttpStatusCode.NotFound);
        Assert.DoesNotContain(await Administrator.GetFromJsonAsync<List<AgreementResponse>>("/api/agreements", RunningHost.Json) ?? [], a => a.ValidFrom.Year == 2043);
    }

    private static List<string> Errors(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}")];
}
