using BusFlow.Bus.Cycles;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Tests.Workflows;
using BusFlow.Bus.Wheel;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Wheel;

/// <summary>The demo's annual wheel is drawn from the data its workflows use: the boards' plans, the cycle's days, the renewal, the election.</summary>
public sealed class YearWheelBuilderTests : IAsyncLifetime
{
    private const string Agreement = "bus-2023-2026";
    private const string Changer = "lena.vikstrom@exempelby.test";

    private BusHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await BusHarness.StartAsync(new LocalDateTime(2026, 11, 2, 9, 0));

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    private YearWheelBuilder Builder => _bus.Services.GetRequiredService<YearWheelBuilder>();

    [Fact]
    public async Task Every_meeting_in_the_party_boards_plans_for_2027_is_on_the_boards_ring()
    {
        var wheel = (await Builder.BuildAsync(Agreement, 2027, default))!;

        Assert.Equal(["ledningsgrupp", "sn", "bun", "kun", ""], wheel.Lanes.Select(l => l.Owner));
        foreach (var board in new[] { "sn", "bun", "kun" })
        {
            var planned = await _bus.ReadAsync((_, r) => r.ListMeetingsAsync(board, new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31), default));
            Assert.NotEmpty(planned);
            var drawn = wheel.Entries.Where(e => e.Kind == WheelEntryKind.BoardMeeting && e.Owner == board).ToList();
            Assert.Equal(planned.Select(m => m.Date), drawn.Select(e => e.Start));
            Assert.All(drawn, e => Assert.Equal(board, wheel.LaneOf(e).Owner));
        }
    }

    [Fact]
    public async Task A_meeting_moved_in_a_boards_plan_moves_on_the_wheel()
    {
        var before = (await Builder.BuildAsync(Agreement, 2027, default))!;
        var meeting = (await _bus.ReadAsync((_, r) => r.ListMeetingsAsync("bun", new LocalDate(2027, 5, 1), new LocalDate(2027, 5, 31), default)))[0];
        var moved = meeting.Date.PlusDays(2);

        await Editor.RemoveAsync("bun", meeting.Id, Changer, default);
        await Editor.AddAsync("bun", moved, meeting.StartsAt, meeting.Place, Changer, default);

        var after = (await Builder.BuildAsync(Agreement, 2027, default))!;
        Assert.Contains(before.Entries, e => e.Owner == "bun" && e.Start == meeting.Date);
        Assert.DoesNotContain(after.Entries, e => e.Owner == "bun" && e.Start == meeting.Date);
        var entry = Assert.Single(after.Entries, e => e.Owner == "bun" && e.Start == moved);
        Assert.Equal((WheelEntryKind.BoardMeeting, "BUN"), (entry.Kind, entry.OwnerName));
        Assert.Equal(before.Entries.Count, after.Entries.Count);
    }

    [Fact]
    public async Task The_last_year_of_the_agreement_holds_its_spring_and_autumn_the_priorities_round_the_renewal_and_the_election()
    {
        var wheel = (await Builder.BuildAsync(Agreement, 2026, default))!;
        var cycle = AnnualWheel.For(2026, _bus.Calendar);

        Assert.Equal([cycle.SpringMeeting, cycle.AutumnMeeting], wheel.Entries.Where(e => e.Kind == WheelEntryKind.CollaborationMeeting).Select(e => e.Start));
        var round = Assert.Single(wheel.Entries, e => e.Kind == WheelEntryKind.DecisionRound);
        Assert.Equal((cycle.AutumnMeeting.PlusDays(7), cycle.DecisionDeadline, (int?)2027), (round.Start, round.End, round.PlanYear));
        Assert.Contains(wheel.Entries, e => e.Label == WheelLabel.PrioritiesDecided && e.Start == cycle.DecisionDeadline);
        Assert.Contains(wheel.Entries, e => e.Label == WheelLabel.SpringReportsDue && e.Start == cycle.SpringReportsDue);
        Assert.Equal(["BUN", "KUN", "SN"], wheel.Entries.Where(e => e.Label == WheelLabel.PrioritiesNoticeBy).Select(e => e.OwnerName).Order(StringComparer.Ordinal));

        var renewal = Assert.Single(wheel.Entries, e => e.Kind == WheelEntryKind.Renewal);
        Assert.Equal((new LocalDate(2026, 4, 1), new LocalDate(2026, 12, 31)), (renewal.Start, renewal.End));
        Assert.Contains(wheel.Entries, e => e.Label == WheelLabel.RenewalDecisionsDue && e.Start == new LocalDate(2026, 11, 30));
        var election = Assert.Single(wheel.Entries, e => e.Kind == WheelEntryKind.Election);
        Assert.Equal(new LocalDate(2026, 9, 13), election.Start);
        Assert.Equal(wheel.Entries.OrderBy(e => e.Start).Select(e => e.Start), wheel.Entries.Select(e => e.Start));
    }

    [Fact]
    public async Task A_year_after_the_agreement_has_no_collaboration_meetings_and_no_election_between_elections()
    {
        var wheel = (await Builder.BuildAsync(Agreement, 2027, default))!;

        Assert.DoesNotContain(wheel.Entries, e => e.Kind is WheelEntryKind.CollaborationMeeting or WheelEntryKind.Election or WheelEntryKind.Renewal);
    }

    [Fact]
    public async Task An_unknown_agreement_has_no_wheel() =>
        Assert.Null(await Builder.BuildAsync("no-such-agreement", 2027, default));

    private MeetingPlanEditor Editor => _bus.Services.GetRequiredService<MeetingPlanEditor>();
}
