using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>The Alingsås-like example (examples/angsby-spring-and-autumn.yaml) over a whole mandate on the virtual clock.</summary>
public sealed class SpringAndAutumnMandateTests(SpringAndAutumnMandate mandate) : IClassFixture<SpringAndAutumnMandate>
{
    private readonly BusHarness _bus = mandate.Bus;

    [Fact]
    public async Task Each_year_has_its_spring_review_and_autumn_planning_on_their_working_days()
    {
        Assert.Equal(SimulatedMandate.SpringStarts, await mandate.StartsOfAsync("spring-review"));
        Assert.Equal(SimulatedMandate.AutumnStarts, await mandate.StartsOfAsync("autumn-planning"));
        Assert.Empty(await _bus.InstancesAsync("yearly-follow-up"));
    }

    [Fact]
    public async Task The_boards_renew_the_agreement_at_their_meetings_and_it_comes_into_force_on_new_years_day()
    {
        var decisions = await _bus.DecisionsAsync("angsby-bus-2031-2034");

        Assert.Equal(
            [("angsby-sn", new LocalDate(2030, 4, 9)), ("angsby-kun", new LocalDate(2030, 4, 11)), ("angsby-bun", new LocalDate(2030, 4, 17))],
            decisions.Select(d => (d.BoardId, d.MeetingDate!.Value)));
        Assert.All(decisions, d => Assert.Equal((DecisionOutcome.Approve, PartyKind.Board), (d.Outcome, d.PartyKind)));
        Assert.Equal(AgreementStatus.Active, (await _bus.AgreementAsync("angsby-bus-2031-2034"))!.Status);
        Assert.Equal(AgreementStatus.Superseded, (await _bus.AgreementAsync("angsby-bus-2027-2030"))!.Status);
    }
}
