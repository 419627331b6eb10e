using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// The Partille-like example (examples/bergdala-broad-collaboration.yaml) over a whole mandate: three
/// boards, the region, the police and Försäkringskassan as parties, and a pupils' council (Elev-BUS)
/// heard before the parties decide.
/// </summary>
public sealed class BroadCollaborationWorkflowTests(BroadCollaborationMandate mandate) : IClassFixture<BroadCollaborationMandate>
{
    private const string Opinion = BroadCollaborationMandate.Opinion;
    private const string Renewed = "bergdala-bus-2031-2034";
    private static readonly string[] Organizations = ["region-vastkust", "polisen-bergdala", "forsakringskassan"];
    private readonly BusHarness _bus = mandate.Bus;

    [Fact]
    public async Task The_mandate_runs_its_spring_and_autumn_each_year_and_the_renewed_agreement_comes_into_force()
    {
        Assert.Equal(SimulatedMandate.SpringStarts, await mandate.StartsOfAsync("spring-review"));
        Assert.Equal(SimulatedMandate.AutumnStarts, await mandate.StartsOfAsync("autumn-planning"));
        Assert.Equal(AgreementStatus.Active, (await _bus.AgreementAsync(Renewed))!.Status);
    }

    [Fact]
    public async Task An_organisation_answers_through_its_representative_by_the_rounds_deadline_and_its_decision_is_its_own()
    {
        var decisions = await _bus.DecisionsAsync(Renewed);

        Assert.Equal(Organizations.Order(), decisions.Where(d => d.PartyKind == PartyKind.Organization).Select(d => d.BoardId).Order());
        Assert.Equal(["bergdala-kfn", "bergdala-sn", "bergdala-un"], decisions.Where(d => d.PartyKind == PartyKind.Board).Select(d => d.BoardId).Order());
        Assert.All(decisions, d => Assert.Equal(DecisionOutcome.Approve, d.Outcome));
        var round = Assert.Single(await _bus.InstancesAsync("decision-round"), i => i.InputJson.Contains(Renewed, StringComparison.Ordinal));
        var deadline = JsonNode.Parse(round.InputJson)!["deadline"]!.GetValue<string>();
        var answers = (await _bus.AllTasksAsync()).Where(t => t.ActivityId == "answerForOrganization").ToList();
        Assert.Equal(
            ["karl.odman@regionvastkust.test", "nina.borg@polisen-bergdala.test", "peter.moberg@forsakringskassan.test"],
            answers.Select(t => t.Assignee).Order());
        // The round's deadline, 30 November 2030, is a Saturday: the round, and the organisations' answers, run to Monday 2 December.
        Assert.Equal(new LocalDate(2030, 11, 30), LocalDatePattern.Iso.Parse(deadline).Value);
        Assert.All(answers, t => Assert.Equal(new LocalDate(2030, 12, 2), t.DueDate));
        // No meeting plan is asked of an organisation: only boards have one.
        Assert.All(await _bus.InstancesAsync("meeting-plan-request"), i => Assert.DoesNotContain(Organizations, o => i.InputJson.Contains(o, StringComparison.Ordinal)));
        var police = Assert.Single(await _bus.InstancesAsync("organization-decision"), i => i.InputJson.Contains("polisen-bergdala", StringComparison.Ordinal));
        var recorded = Assert.Single(await _bus.JournalAsync(police.Id), e => e is { Kind: JournalKind.ActivityCompleted, ActivityId: "record" });
        Assert.Contains("\"organization\":\"polisen-bergdala\"", recorded.DataJson, StringComparison.Ordinal);
        Assert.Contains("\"party\":\"Organization\"", recorded.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pupils_council_is_heard_before_the_round_and_its_opinion_is_on_every_decision_task()
    {
        var tasks = await _bus.AllTasksAsync();
        var round = Assert.Single(await _bus.InstancesAsync("decision-round"), i => i.InputJson.Contains(Renewed, StringComparison.Ordinal));
        var heard = Assert.Single(tasks, t => t.ActivityId == "giveOpinion" && t.InstanceId == round.Id);
        Assert.Equal("elin.sten@elevbus.bergdala.test", heard.Assignee);
        var decisionTasks = tasks.Where(t => t.ActivityId is "recordDecision" or "answerForOrganization" && t.Title.Contains("2031–2034", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, decisionTasks.Count);
        Assert.All(decisionTasks, t =>
        {
            Assert.True(t.CreatedAt >= heard.ClosedAt, $"'{t.Title}' was asked before the pupils' council was heard");
            Assert.Contains($"Synpunkter från Elev-BUS Bergdala (elevråd): {Opinion}", t.Description, StringComparison.Ordinal);
        });
        var kept = (await _bus.VariablesAsync(round.Id))["result"]!["opinions"]!["elevbus-bergdala"]!;
        Assert.Equal(Opinion, kept["opinion"]!.GetValue<string>());
    }
}
