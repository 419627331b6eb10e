using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BusFlow.Host.Api.Agreements;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Agreements;

/// <summary>GET /api/agreements/{id}/journal (JSON) and journal.csv over HTTP, after a board's decision was recorded.</summary>
[Collection(AgreementJournalHostCollection.Name)]
public sealed class AgreementJournalExportTests(AgreementJournalHostFixture fixture)
{
    private const string Draft = AgreementJournalHostFixture.Draft;

    [Fact]
    public async Task The_JSON_export_of_the_draft_has_the_recorded_decision_with_its_paragraph_and_the_answer_in_the_journal()
    {
        var export = await ExportAsync(Draft);

        Assert.Equal(Draft, (string?)export["agreement"]!["id"]);
        Assert.Equal("Samverkansöverenskommelse BUS 2027–2030", (string?)export["agreement"]!["title"]);
        Assert.Equal("2027-01-01", (string?)export["agreement"]!["validFrom"]);
        Assert.Equal("2030-12-31", (string?)export["agreement"]!["validUntil"]);

        var decision = Assert.Single(export["decisions"]!.AsArray());
        Assert.Equal("kun", (string?)decision!["boardId"]);
        Assert.Equal("board", (string?)decision["partyKind"]);
        Assert.Equal("approve", (string?)decision["outcome"]);
        Assert.Equal(AgreementJournalHostFixture.Paragraph, (string?)decision["paragraph"]);
        Assert.Equal((string?)fixture.Decided.Data?["meetingDate"], (string?)decision["decisionDate"]);

        var answer = Assert.Single(Journal(export), e => (string?)e["kind"] == "taskCompleted" && (string?)e["data"]!["taskId"] == fixture.Decided.Id.ToString());
        Assert.Equal("board-decision", (string?)answer["definitionId"]);
        Assert.Equal(fixture.Decided.InstanceId.ToString(), (string?)answer["instanceId"]);
        Assert.Equal("recordDecision", (string?)answer["activityId"]);
        Assert.Equal(fixture.Decided.Assignee, (string?)answer["actor"]);
        Assert.Equal("approve", (string?)answer["data"]!["outcome"]);
        Assert.Equal(AgreementJournalHostFixture.Comment, (string?)answer["data"]!["comment"]);
        Assert.Equal(AgreementJournalHostFixture.Paragraph, (string?)answer["data"]!["data"]!["paragraph"]);
        Assert.Equal("2026-11-26T18:00:00Z", (string?)answer["at"]);
        Assert.Equal("2026-11-26T19:00:00+01:00", (string?)answer["localTime"]);
        Assert.Equal("Europe/Stockholm", (string?)export["timeZone"]);
    }

    [Fact]
    public async Task The_draft_takes_in_the_renewal_that_runs_its_decision_round_and_every_line_of_each_instance_in_order()
    {
        var export = await ExportAsync(Draft);

        var instances = export["instances"]!.AsArray().Select(i => ((string)i!["id"]!, (string)i["definitionId"]!)).ToList();
        Assert.Equal(["agreement-renewal", "board-decision", "board-decision", "board-decision", "decision-round"], instances.Select(i => i.Item2).Order());

        var expectedLines = 0;
        foreach (var (id, _) in instances)
        {
            expectedLines += (await fixture.Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{id}/journal", RunningHost.Json))!.Count;
        }

        var journal = Journal(export);
        Assert.Equal(expectedLines, journal.Count);
        var order = journal.Select(e => ((string)e["at"]!, Guid.Parse((string)e["instanceId"]!), (int)e["sequence"]!)).ToList();
        Assert.Equal(order.OrderBy(o => o.Item1, StringComparer.Ordinal).ThenBy(o => o.Item2).ThenBy(o => o.Item3), order);
    }

    [Fact]
    public async Task The_predecessor_has_its_own_decisions_and_signatures_its_cycles_and_the_renewal_with_the_answer()
    {
        var export = await ExportAsync(AgreementJournalHostFixture.Predecessor);

        Assert.Equal(["§ 12", "§ 14", "§ 9"], export["decisions"]!.AsArray().Select(d => (string)d!["paragraph"]!).Order(StringComparer.Ordinal));
        Assert.All(export["signatures"]!.AsArray(), s => Assert.Equal("paper", (string?)s!["proof"]));
        Assert.Equal(3, export["signatures"]!.AsArray().Count);
        var keys = export["instances"]!.AsArray().Select(i => (string?)i!["correlationKey"]).ToList();
        Assert.Contains("annual-cycle-bus-2023-2026", keys);
        Assert.Contains("renewal-bus-2023-2026", keys);
        Assert.Single(Journal(export), e => (string?)e["kind"] == "taskCompleted" && (string?)e["data"]!["taskId"] == fixture.Decided.Id.ToString());
    }

    [Fact]
    public async Task The_CSV_export_is_an_RFC_4180_attachment_in_UTF8_with_one_row_per_journal_line()
    {
        var response = await fixture.Client.GetAsync($"/api/agreements/{Draft}/journal.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal($"attachment; filename=\"journal-{Draft}.csv\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = Rfc4180.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]));
        Assert.Equal(AgreementJournalCsv.Columns, rows[0]);
        Assert.All(rows, r => Assert.Equal(AgreementJournalCsv.Columns.Count, r.Count));
        var journal = Journal(await ExportAsync(Draft));
        Assert.Equal(journal.Count, rows.Count - 1);
        Assert.Equal(journal.Select(e => ((string)e["instanceId"]!, (string)e["sequence"]!.ToString())), rows.Skip(1).Select(r => (r[1], r[3])));

        // The board's instance answered two tasks: the registration number first, then the decision.
        var answer = Assert.Single(rows, r => r[6] == "taskCompleted" && r[1] == fixture.Decided.InstanceId.ToString() && r[7] == "recordDecision");
        Assert.Equal([Draft, "board-decision", "2026-11-26T18:00:00Z", "2026-11-26T19:00:00+01:00", "recordDecision", fixture.Decided.Assignee],
            [answer[0], answer[2], answer[4], answer[5], answer[7], answer[8]]);
        var data = JsonNode.Parse(answer[9])!;
        Assert.Equal(AgreementJournalHostFixture.Comment, (string?)data["comment"]);
        Assert.Equal(AgreementJournalHostFixture.Paragraph, (string?)data["data"]!["paragraph"]);
    }

    [Fact]
    public async Task Asking_for_format_csv_gives_the_same_file_as_journal_csv()
    {
        var byPath = await fixture.Client.GetByteArrayAsync($"/api/agreements/{Draft}/journal.csv");
        var byQuery = await fixture.Client.GetAsync($"/api/agreements/{Draft}/journal?format=csv");

        Assert.Equal("text/csv", byQuery.Content.Headers.ContentType?.MediaType);
        Assert.Equal(byPath, await byQuery.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/agreements/bus-1999-2002/journal")]
    [InlineData("/api/agreements/bus-1999-2002/journal.csv")]
    [InlineData("/api/agreements/bus-1999-2002/journal?format=csv")]
    public async Task An_unknown_agreement_is_a_404_problem(string path) =>
        await Problems.AssertAsync(await fixture.Client.GetAsync(path), HttpStatusCode.NotFound, "bus-1999-2002");

    [Fact]
    public async Task An_unknown_format_is_a_400_problem() =>
        await Problems.AssertAsync(await fixture.Client.GetAsync($"/api/agreements/{Draft}/journal?format=xlsx"), HttpStatusCode.BadRequest, "xlsx");

    private async Task<JsonNode> ExportAsync(string agreementId)
    {
        var response = await fixture.Client.GetAsync($"/api/agreements/{agreementId}/journal");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private static List<JsonNode> Journal(JsonNode export) => [.. export["journal"]!.AsArray().Select(e => e!)];
}
