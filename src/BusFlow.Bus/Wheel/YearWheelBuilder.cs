using BusFlow.Bus.Cycles;
using BusFlow.Bus.Mandates;
using BusFlow.Bus.Model;
using BusFlow.Bus.Rotation;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Wheel;

/// <summary>
/// Draws up an agreement's year from what its workflows act on: the spring and autumn dates of
/// <see cref="AnnualWheel"/> (bus-annual-cycle, spring-review, autumn-planning), each party board's
/// meeting plan and the meeting its notice rule picks for the priorities decision (board-decision's
/// NextMeeting), the renewal as LoadAgreement times it and <see cref="RenewalRounds"/> ends it, and the
/// general election of <see cref="MandatePeriods"/>. A meeting moved in a plan is read where it now is.
/// </summary>
public sealed class YearWheelBuilder(IWorkflowStore store, IWorkingDayCalendar calendar)
{
    /// <summary>The first and last years a wheel is drawn for: the mandate periods' arithmetic holds well inside them.</summary>
    public const int FirstYear = 1995;
    public const int LastYear = 2200;

    /// <summary>How long after the autumn meeting the steering group's proposal is due (autumn-planning's proposePriorities, P7D): the round starts then.</summary>
    public static readonly Period ProposalTime = Period.FromDays(7);

    public static bool IsYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The wheel of an agreement's year; null when there is no such agreement.</summary>
    public async Task<YearWheel?> BuildAsync(string agreementId, int year, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(agreementId, ct) is not { } agreement)
        {
            return null;
        }

        var body = await CycleBodyAsync(records, agreement, ct);
        var boards = new List<Board>();
        foreach (var id in agreement.PartyBoardIds)
        {
            if (await records.FindBoardAsync(id, ct) is { } board)
            {
                boards.Add(board);
            }
        }

        var collaboration = new WheelLane(WheelLaneKind.Collaboration, body?.Id ?? agreement.Id, body?.Name ?? agreement.Title);
        List<WheelLane> lanes = [collaboration, .. boards.Select(b => new WheelLane(WheelLaneKind.Board, b.Id, b.Code)), new WheelLane(WheelLaneKind.DeadlinesAndRounds, "", "")];
        var entries = new List<WheelEntry>();
        foreach (var board in boards)
        {
            entries.AddRange((await records.ListMeetingsAsync(board.Id, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), ct))
                .Select(m => Day(WheelEntryKind.BoardMeeting, WheelLabel.BoardMeeting, m.Date, board.Id, board.Code) with { StartsAt = m.StartsAt, Place = m.Place }));
        }

        if (agreement.Cycle == AgreementCycleShape.SpringAndAutumn && agreement.ValidFrom.Year <= year && year <= agreement.ValidUntil.Year)
        {
            entries.AddRange(await CycleAsync(records, AnnualWheel.For(year, calendar), collaboration, agreement, boards, ct));
        }

        if (agreement.Cycle == AgreementCycleShape.YearlyFollowUp && agreement.ValidFrom.Year <= year && year <= agreement.ValidUntil.Year)
        {
            entries.AddRange(await FollowUpAsync(records, AnnualWheel.For(year, calendar), collaboration, agreement, body, ct));
        }

        entries.AddRange(Renewal(agreement, year));
        if (MandatePeriods.IsElectionYear(year))
        {
            entries.Add(Day(WheelEntryKind.Election, WheelLabel.Election, MandatePeriods.ElectionDay(year), "", ""));
        }

        var lastDay = new LocalDate(year, 12, 31);
        var firstDay = new LocalDate(year, 1, 1);
        return new YearWheel(
            agreement.Id,
            agreement.Title,
            year,
            lanes,
            [.. entries.Where(e => e.Start <= lastDay && e.End >= firstDay).OrderBy(e => e.Start).ThenBy(e => e.Kind).ThenBy(e => e.OwnerName, StringComparer.Ordinal)]);
    }

    private async Task<IReadOnlyList<WheelEntry>> CycleAsync(
        IBusRecords records, AnnualCycle cycle, WheelLane collaboration, Agreement agreement, IReadOnlyList<Board> boards, CancellationToken ct)
    {
        var roundStarts = cycle.AutumnMeeting.Plus(ProposalTime);
        List<WheelEntry> entries =
        [
            Day(WheelEntryKind.CollaborationMeeting, WheelLabel.SpringMeeting, cycle.SpringMeeting, collaboration.Owner, collaboration.Name),
            Day(WheelEntryKind.CollaborationMeeting, WheelLabel.AutumnMeeting, cycle.AutumnMeeting, collaboration.Owner, collaboration.Name),
            Day(WheelEntryKind.Deadline, WheelLabel.SpringReportsDue, cycle.SpringReportsDue, agreement.Id, agreement.Title),
            Day(WheelEntryKind.Deadline, WheelLabel.AutumnReportsDue, cycle.AutumnReportsDue, agreement.Id, agreement.Title),
            new WheelEntry(WheelEntryKind.DecisionRound, WheelLabel.PrioritiesRound, roundStarts, LocalDate.Max(roundStarts, cycle.DecisionDeadline), agreement.Id, agreement.Title) { PlanYear = cycle.PlanYear },
            Day(WheelEntryKind.Deadline, WheelLabel.PrioritiesDecided, cycle.DecisionDeadline, agreement.Id, agreement.Title) with { PlanYear = cycle.PlanYear },
        ];
        foreach (var board in boards)
        {
            if (await records.FirstMeetingNoticedOnOrAfterAsync(board, roundStarts, calendar, ct) is { } meeting)
            {
                var noticeBy = board.NoticeBy(meeting.Date, calendar);
                entries.Add(new WheelEntry(WheelEntryKind.Deadline, WheelLabel.PrioritiesNoticeBy, noticeBy, noticeBy, board.Id, board.Code)
                {
                    PlanYear = cycle.PlanYear,
                    MeetingDate = meeting.Date,
                });
            }
        }

        return entries;
    }

    /// <summary>The yearly follow-up as yearly-follow-up holds it: on the spring meeting's day, the agenda due on the spring reports' day, with the rotation's convener.</summary>
    private static async Task<IReadOnlyList<WheelEntry>> FollowUpAsync(
        IBusRecords records, AnnualCycle cycle, WheelLane collaboration, Agreement agreement, CollaborationBody? body, CancellationToken ct)
    {
        var rotation = body is null ? null : ConvenerRotation.From(body);
        return
        [
            Day(WheelEntryKind.CollaborationMeeting, WheelLabel.FollowUpMeeting, cycle.SpringMeeting, collaboration.Owner, collaboration.Name) with
            {
                Convener = rotation is null ? null : await NamesAsync(records, rotation.ConvenerIn(cycle.Year), ct),
                NextConvener = rotation is null ? null : await NamesAsync(records, rotation.ConvenerIn(cycle.Year + 1), ct),
            },
            Day(WheelEntryKind.Deadline, WheelLabel.FollowUpAgendaDue, cycle.SpringReportsDue, agreement.Id, agreement.Title),
        ];
    }

    private static async Task<string> NamesAsync(IBusRecords records, IReadOnlyList<string> boards, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var board in boards)
        {
            names.Add((await records.FindBoardAsync(board, ct))?.Name ?? board);
        }

        return string.Join(", ", names);
    }

    /// <summary>The renewal from the working day it starts (agreement-renewal waits for it) to the agreement's last day, and the day its round usually ends.</summary>
    private IEnumerable<WheelEntry> Renewal(Agreement agreement, int year)
    {
        if (agreement.Status is not (AgreementStatus.Active or AgreementStatus.Signed or AgreementStatus.Expired) || agreement.ChangeMode == AgreementChangeMode.RevisedInPlace)
        {
            yield break;
        }

        var starts = calendar.OnOrNextWorkingDay(MandatePeriods.RenewalStarts(agreement.ValidUntil, MandatePeriods.DefaultRenewalLead));
        yield return new WheelEntry(WheelEntryKind.Renewal, WheelLabel.RenewalRound, starts, LocalDate.Max(starts, agreement.ValidUntil), agreement.Id, agreement.Title);
        yield return Day(WheelEntryKind.Deadline, WheelLabel.RenewalDecisionsDue, agreement.ValidUntil.Minus(RenewalRounds.SigningTime), agreement.Id, agreement.Title);
    }

    /// <summary>The agreement's own body, or the management group kept for it (as LoadAgreement falls back for agreements stored before they named one).</summary>
    private static async Task<CollaborationBody?> CycleBodyAsync(IBusRecords records, Agreement agreement, CancellationToken ct) =>
        agreement.BodyId is { } id
            ? await records.FindBodyAsync(id, ct)
            : (await records.ListBodiesAsync(ct)).FirstOrDefault(b => b.AgreementId == agreement.Id && b.Kind == BodyKind.ManagementGroup);

    private static WheelEntry Day(WheelEntryKind kind, WheelLabel label, LocalDate day, string owner, string ownerName) =>
        new(kind, label, day, day, owner, ownerName);
}
