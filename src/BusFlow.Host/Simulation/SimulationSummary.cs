using BusFlow.Engine.Persistence;

namespace BusFlow.Host.Simulation;

/// <summary>
/// What a simulated run came to, per year and per board: the decisions the boards recorded, the
/// agreements that lapsed and the decision rounds that ended with boards undecided, and the tasks
/// escalated because nobody answered. Read from the run's timeline, so it says what the timeline shows.
/// </summary>
public sealed record SimulationSummary(IReadOnlyList<SummaryYear> Years)
{
    /// <summary>An escalation whose task names no board is listed under this one.</summary>
    public const string NoBoard = "-";

    /// <summary>Agreement statuses that mean the agreement ended with no successor in force.</summary>
    private static readonly string[] LapsedStatuses = ["Expired", "Lapsed"];

    public static SimulationSummary Of(IReadOnlyList<TimelineEvent> timeline)
    {
        var decisions = timeline
            .Where(e => e.Label == "decision" && e.Detail is { Length: >= 4 })
            .Select(e => (Year: int.Parse(e.Detail![..4], System.Globalization.CultureInfo.InvariantCulture), Board: e.Board ?? NoBoard,
                Decision: new SummaryDecision(e.Subject ?? "", e.Outcome ?? "", e.Detail!, e.Paragraph)))
            .ToList();
        var escalations = timeline
            .Where(e => e.Kind == JournalKind.TaskEscalated && e.Mail is null)
            .Select(e => (e.Local.Year, Board: e.Board ?? NoBoard,
                Escalation: new SummaryEscalation(e.Subject ?? "", e.Recipient ?? "", Day(e), e.Recipients ?? [])))
            .ToList();
        var lapses = timeline
            .Select(e => (e.Local.Year, Lapse: LapseOf(e)))
            .Where(l => l.Lapse is not null)
            .ToList();

        var years = decisions.Select(d => d.Year).Concat(escalations.Select(e => e.Year)).Concat(lapses.Select(l => l.Year)).Distinct().Order();
        return new SimulationSummary(years.Select(year =>
        {
            var boards = decisions.Where(d => d.Year == year).Select(d => d.Board)
                .Concat(escalations.Where(e => e.Year == year).Select(e => e.Board))
                .Distinct()
                .Order(StringComparer.Ordinal)
                .Select(board => new SummaryBoard(
                    board,
                    decisions.Where(d => d.Year == year && d.Board == board).Select(d => d.Decision).OrderBy(d => d.Date, StringComparer.Ordinal).ToList(),
                    escalations.Where(e => e.Year == year && e.Board == board).Select(e => e.Escalation).ToList()))
                .ToList();
            return new SummaryYear(year, boards, lapses.Where(l => l.Year == year).Select(l => l.Lapse!).ToList());
        }).ToList());
    }

    private static SummaryLapse? LapseOf(TimelineEvent e) => e.Label switch
    {
        "agreement" when e.Detail is { } change && LapsedStatuses.Any(status => change.EndsWith($"→ {status}", StringComparison.Ordinal)) =>
            new SummaryLapse("agreement", e.Subject ?? "", Day(e), change, []),
        "round" when e.Round is { Undecided.Count: > 0 } round =>
            new SummaryLapse("round", e.Subject ?? "", Day(e), null, round.Undecided),
        _ => null,
    };

    private static string Day(TimelineEvent e) => TimelineFormatter.FormatLocal(e.Local)[..10];
}
