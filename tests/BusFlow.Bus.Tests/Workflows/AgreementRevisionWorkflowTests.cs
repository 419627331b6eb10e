using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>An agreement revised in place (the Norrtälje-like example: signed, then revised 2012 and 2014) rather than renewed.</summary>
public sealed class AgreementRevisionWorkflowTests : IAsyncLifetime
{
    private const string Agreement = "strandvik-bus";
    private const string Change = "Rutinen för att rapportera och åtgärda brister i samverkan förtydligas.";
    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2027, 1, 11, 9, 0), "strandvik-yearly-follow-up.yaml");

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_revision_every_party_approves_is_numbered_in_the_history_with_what_changed_and_when()
    {
        var revision = await _bus.StartAsync("agreement-revision", new JsonObject { ["agreement"] = Agreement, ["change"] = Change, ["deadline"] = "2027-06-30" });

        await _bus.RunUntilAsync(new LocalDateTime(2027, 7, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm));

        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(revision.Id)).Status);
        var decisions = (await _bus.DecisionsAsync(Agreement)).Where(d => d.Subject.StartsWith("Revidering av", StringComparison.Ordinal)).ToList();
        Assert.Equal(["strandvik-bsn", "strandvik-sn", "strandvik-sson", "strandvik-un"], decisions.Select(d => d.BoardId).Order());
        var history = await _bus.ReadAsync((_, records) => records.ListRevisionsAsync(Agreement, default));
        Assert.Equal(3, history.Count);
        var third = history[^1];
        Assert.Equal((Change, revision.Id), (third.Note, third.InstanceId));
        // Dated the day the last party decided: the revision applies once every party has approved it.
        Assert.Equal(decisions.Max(d => d.DecisionDate), third.Date);
        var recorded = (await _bus.VariablesAsync(revision.Id))["revision"]!;
        Assert.Equal(3, recorded["number"]!.GetValue<int>());
        Assert.Equal(AgreementStatus.Active, (await _bus.AgreementAsync(Agreement))!.Status);
    }

    [Fact]
    public async Task A_revision_a_party_rejects_leaves_the_history_as_it_was()
    {
        var revision = await _bus.StartAsync("agreement-revision", new JsonObject { ["agreement"] = Agreement, ["change"] = Change, ["deadline"] = "2027-06-30" });

        await _bus.RunUntilAsync(new LocalDateTime(2027, 7, 1, 0, 0), new BoardResponder(_bus.Calendar, BusHarness.Stockholm)
        {
            Decide = (board, _) => board == "strandvik-sn" ? "reject" : "approve",
        });

        Assert.Equal(InstanceStatus.Completed, (await _bus.InstanceAsync(revision.Id)).Status);
        Assert.Equal(2, (await _bus.ReadAsync((_, records) => records.ListRevisionsAsync(Agreement, default))).Count);
        Assert.Null((await _bus.VariablesAsync(revision.Id))["revision"]);
    }
}
