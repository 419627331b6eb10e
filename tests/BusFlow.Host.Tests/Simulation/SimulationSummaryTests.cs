using BusFlow.Engine.Persistence;
using BusFlow.Host.Simulation;
using NodaTime;

namespace BusFlow.Host.Tests.Simulation;

public sealed class SimulationSummaryTests
{
    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    private static TimelineEvent At(LocalDateTime local, JournalKind kind, string workflow, string activity) =>
        new(local.InZoneStrictly(Stockholm).ToInstant(), local, kind, workflow, Guid.Empty, 1, activity);

    [Fact]
    public void A_round_that_ends_with_a_board_undecided_and_an_agreement_that_expires_are_listed_as_lapsed_in_their_years()
    {
        var timeline = new[]
        {
            At(new LocalDateTime(2030, 12, 3, 0, 0), JournalKind.ActivityCompleted, "decision-round", "summary") with
            {
                Label = "round",
                Subject = "Samverkansöverenskommelse BUS 2031–2034",
                Round = new TimelineRoundResult(["bun", "kun"], [], ["sn"]),
            },
            At(new LocalDateTime(2030, 4, 23, 16, 0), JournalKind.ActivityCompleted, "decision-round", "summary") with
            {
                Label = "round",
                Subject = "Prioriteringar 2031",
                Round = new TimelineRoundResult(["sn"], ["kun"], []),
            },
            At(new LocalDateTime(2031, 1, 1, 0, 0), JournalKind.ActivityCompleted, "agreement-renewal", "expire") with
            {
                Label = "agreement",
                Subject = "bus-2027-2030",
                Detail = "Active → Expired",
            },
        };

        var summary = SimulationSummary.Of(timeline);

        Assert.Equal(
            [
                (2030, "round", "Samverkansöverenskommelse BUS 2031–2034", "2030-12-03", "sn"),
                (2031, "agreement", "bus-2027-2030", "2031-01-01", ""),
            ],
            summary.Years.SelectMany(y => y.Lapsed.Select(l => (y.Year, l.Kind, l.Subject, l.Date, string.Join(",", l.Undecided)))));
        Assert.All(summary.Years, y => Assert.Empty(y.Boards));
    }

    [Fact]
    public void Decisions_are_listed_under_the_year_of_their_decision_date_and_their_board()
    {
        var timeline = new[]
        {
            At(new LocalDateTime(2027, 1, 2, 10, 0), JournalKind.ActivityCompleted, "board-decision", "record") with
            {
                Label = "decision",
                Subject = "Prioriteringar 2027",
                Board = "sn",
                Outcome = "approve",
                Detail = "2026-12-17",
                Paragraph = "§ 144",
            },
        };

        var year = Assert.Single(SimulationSummary.Of(timeline).Years);

        Assert.Equal(2026, year.Year);
        var board = Assert.Single(year.Boards);
        Assert.Equal(("sn", new SummaryDecision("Prioriteringar 2027", "approve", "2026-12-17", "§ 144")), (board.Board, Assert.Single(board.Decisions)));
    }
}
