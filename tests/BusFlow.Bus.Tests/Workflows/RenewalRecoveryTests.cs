using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

public sealed class RenewalRecoveryTests
{
    private static readonly string[] Parties = ["bun", "kun", "sn"];

    [Fact]
    public async Task A_renewal_rejected_by_one_board_in_April_2026_is_approved_by_the_new_boards_in_2027_and_the_cycles_run_every_year_2027_to_2030()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 1, 5, 9, 0));
        await bus.StartAsync("agreement-renewal", new JsonObject { ["agreement"] = "bus-2023-2026" }, "renewal-bus-2023-2026");
        var people = new RejectingBoard(new BoardResponder(bus.Calendar, BusHarness.Stockholm), "kun", new LocalDate(2027, 1, 1));

        await bus.RunUntilAsync(new LocalDateTime(2030, 12, 1, 0, 0), people);

        var decisions = await bus.DecisionsAsync("bus-2027-2030");
        var firstRejection = decisions.Where(d => d.Outcome == DecisionOutcome.Reject).Min(d => d.DecisionDate);
        Assert.Equal(new LocalDate(2026, 4, 23), firstRejection);
        var approvals = decisions.Where(d => d.Outcome == DecisionOutcome.Approve && d.DecisionDate.Year == 2027).ToList();
        Assert.Equal(Parties, approvals.Select(d => d.BoardId).Order());

        var renewed = (await bus.AgreementAsync("bus-2027-2030"))!;
        Assert.Equal(AgreementStatus.Active, renewed.Status);
        Assert.Equal(AgreementStatus.Superseded, (await bus.AgreementAsync("bus-2023-2026"))!.Status);

        // Signed by the chairs of the new mandate.
        var signatures = await bus.ReadAsync((_, r) => r.ListSignaturesAsync("bus-2027-2030", default));
        Assert.Equal(Parties, signatures.Select(s => s.BoardId).Order());
        foreach (var signature in signatures)
        {
            var chair = await bus.ReadAsync((_, r) => r.FindRoleHolderAsync(RoleKind.Chair, signature.BoardId, new LocalDate(2027, 6, 1), default));
            Assert.Equal(chair!.Id, signature.PersonId);
            Assert.Equal(2027, BusHarness.Local(signature.SignedAt).Year);
        }

        foreach (var (workflow, cycle) in new[] { ("spring-review", "spring-review"), ("autumn-planning", "autumn-planning") })
        {
            var years = (await bus.InstancesAsync(workflow))
                .Where(i => i.CorrelationKey?.StartsWith($"{cycle}-bus-2027-2030-", StringComparison.Ordinal) == true)
                .Select(i => i.CorrelationKey![^4..])
                .Order();
            Assert.Equal(["2027", "2028", "2029", "2030"], years);
        }
    }

    [Fact]
    public async Task A_first_start_on_28_November_2026_asks_every_board_and_reaches_an_active_agreement()
    {
        await using var bus = await BusHarness.StartAsync(new LocalDateTime(2026, 11, 28, 10, 0));
        var renewal = await bus.StartAsync("agreement-renewal", new JsonObject { ["agreement"] = "bus-2023-2026" }, "renewal-bus-2023-2026");

        await bus.RunUntilAsync(new LocalDateTime(2027, 4, 1, 0, 0), new BoardResponder(bus.Calendar, BusHarness.Stockholm));

        var asked = (await bus.AllTasksAsync()).Where(t => t.ActivityId == "recordDecision").ToList();
        Assert.Equal(Parties, asked.Select(t => (string)JsonNode.Parse(t.DataJson!)!["board"]!).Order());
        var decisions = await bus.DecisionsAsync("bus-2027-2030");
        Assert.Equal(Parties, decisions.Where(d => d.Outcome == DecisionOutcome.Approve).Select(d => d.BoardId).Order());
        // KUN's first meeting whose notice can still name the matter is after the turn of the year.
        Assert.Equal(new LocalDate(2027, 1, 28), decisions.Single(d => d.BoardId == "kun").DecisionDate);
        Assert.Equal(AgreementStatus.Active, (await bus.AgreementAsync("bus-2027-2030"))!.Status);
        Assert.Equal(InstanceStatus.Completed, (await bus.InstanceAsync(renewal.Id)).Status);

        // The coordinator was told from the start that the agreement would lapse before every board could decide.
        var prepare = Assert.Single(await bus.AllTasksAsync(), t => t.ActivityId == "prepareDraft");
        Assert.Contains("Alla nämnder kan besluta först", prepare.Description, StringComparison.Ordinal);
        // The spring of 2027 runs under the lapsed agreement while the new one is decided.
        Assert.Single(await bus.InstancesAsync("spring-review"), i => i.CorrelationKey == "spring-review-bus-2027-2030-2027");
    }
}
