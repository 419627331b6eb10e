using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BusFlow.Host.Tests.Api.Agreements;

/// <summary>The protocol extract of Kultur- och utbildningsnämnden's approval, as the agreement's journal export lists it.</summary>
[Collection(AgreementJournalHostCollection.Name)]
public sealed class ProtocolExtractJournalTests(AgreementJournalHostFixture fixture)
{
    [Fact]
    public async Task The_journal_export_lists_the_protocol_extract_sent_to_each_recipient_with_its_file_and_checksum()
    {
        var export = (await fixture.Client.GetFromJsonAsync<JsonNode>($"/api/agreements/{AgreementJournalHostFixture.Draft}/journal"))!;

        var sent = export["journal"]!.AsArray().Select(e => e!).Where(e => (string?)e["kind"] == "documentSent").ToList();

        Assert.Equal(4, sent.Count);
        Assert.All(sent, e =>
        {
            Assert.Equal(fixture.Decided.InstanceId.ToString(), (string?)e["instanceId"]);
            Assert.Equal("extractSent", (string?)e["activityId"]);
            Assert.Equal($"Protokollsutdrag Kultur- och utbildningsnämnden 2026-11-26 {AgreementJournalHostFixture.Paragraph}.docx", (string?)e["data"]!["fileName"]);
            Assert.Equal(64, ((string?)e["data"]!["sha256"])!.Length);
        });
        Assert.Equal(4, sent.Select(e => (string?)e["data"]!["to"]).Distinct().Count());
        Assert.Contains(fixture.Decided.Assignee, sent.Select(e => (string?)e["data"]!["to"]));
    }
}
