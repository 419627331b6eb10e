using System.Text.Json.Nodes;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Documents;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>The renewal on the virtual clock with the draft agreement attached: each decision names the version it concerns.</summary>
public sealed class DraftAgreementVersionTests : IAsyncLifetime
{
    private const string DraftCase = "agreement/bus-2027-2030";
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 5, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_draft_referred_back_by_one_board_is_revised_to_version_2_and_every_decision_names_the_version_it_concerned()
    {
        await _bus.StartAsync("agreement-renewal", new JsonObject { ["agreement"] = "bus-2023-2026" }, "renewal-bus-2023-2026");
        var coordinator = new DraftUploadingCoordinator(new BoardResponder(_bus.Calendar, BusHarness.Stockholm)
        {
            Decide = (board, meeting) => board == "sn" && meeting == 1 ? "referBack" : "approve",
        });

        await _bus.RunUntilAsync(new LocalDateTime(2027, 1, 15, 0, 0), coordinator);

        // Both drafts are kept: version 1 from "Ta fram förslag", version 2 after Socialnämnden's referral back.
        var drafts = await _bus.ReadAsync((s, _) => s.Facet<IDocuments>().ListAsync(DraftCase, ["draft-agreement"], default));
        Assert.Equal([2, 1], drafts.Select(d => d.Version));
        Assert.Equal(2, coordinator.Drafts);
        Assert.NotEqual(drafts[0].Checksum, drafts[1].Checksum);
        Assert.All(drafts, d => Assert.Equal(DocumentType.Pdf.ContentType, d.ContentType));
        var (first, second) = (drafts[1], drafts[0]);

        // Each board's decision names the draft it concerned: SN referred version 1 back and approved version 2; the others approved version 1.
        var decisions = await RecordedDecisionsAsync();
        Assert.Equal(
            [("bun", "approve", 1), ("kun", "approve", 1), ("sn", "approve", 2), ("sn", "referBack", 1)],
            decisions.Select(d => (d.Board, d.Outcome, d.Version)).Order());
        Assert.All(decisions, d => Assert.Equal(d.Version == 1 ? first.Checksum : second.Checksum, d.Checksum));
        Assert.Equal(4, (await _bus.DecisionsAsync("bus-2027-2030")).Count);

        // Every decision task of the round shows the case's drafts; the revision was asked of the coordinator who uploaded the first.
        var tasks = await _bus.AllTasksAsync();
        Assert.All(tasks.Where(t => t.ActivityId is "recordDecision" or "sign" or "revise" or "prepareDraft"), t =>
            Assert.Equal(DraftCase, TaskAnswerSpec.Parse(t.AnswerSpecJson).Documents?.CaseKey));
        var revise = Assert.Single(tasks, t => t.ActivityId == "revise");
        Assert.Equal(first.UploadedBy, revise.Assignee);
        Assert.Equal(revise.Id, second.TaskId);

        // The agreement was signed by every chair, each signature naming the newest draft, and the new one is in force.
        Assert.Equal(3, (await _bus.ReadAsync((_, r) => r.ListSignaturesAsync("bus-2027-2030", default))).Count);
        var renewal = Assert.Single(await _bus.InstancesAsync("agreement-renewal"), i => i.CorrelationKey == "renewal-bus-2023-2026");
        var signed = (await _bus.JournalAsync(renewal.Id)).Where(j => j.Kind == JournalKind.ActivityCompleted && j.ActivityId == "signature")
            .Select(j => JsonNode.Parse(j.DataJson!)!["output"]!["document"]!).ToList();
        Assert.Equal(3, signed.Count);
        Assert.All(signed, d => Assert.Equal((2, second.Checksum), ((int)d["version"]!, (string)d["checksum"]!)));
        Assert.Equal(Bus.Model.AgreementStatus.Active, (await _bus.AgreementAsync("bus-2027-2030"))!.Status);
    }

    /// <summary>The decisions as the board-decision journals record them: board, outcome and the version and checksum of the document.</summary>
    private async Task<List<(string Board, string Outcome, int Version, string Checksum)>> RecordedDecisionsAsync()
    {
        var decisions = new List<(string, string, int, string)>();
        foreach (var instance in await _bus.InstancesAsync("board-decision"))
        {
            foreach (var entry in (await _bus.JournalAsync(instance.Id)).Where(j => j.Kind == JournalKind.ActivityCompleted && j.ActivityId == "record"))
            {
                var output = JsonNode.Parse(entry.DataJson!)!["output"]!;
                var document = output["document"] ?? throw new Xunit.Sdk.XunitException($"the decision of {output["board"]} names no document: {output.ToJsonString()}");
                decisions.Add(((string)output["board"]!, (string)output["outcome"]!, (int)document["version"]!, (string)document["checksum"]!));
            }
        }

        return decisions;
    }
}
