using BusFlow.Bus.Model;
using BusFlow.Engine.Time;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.Mandates;

/// <summary>
/// Times a renewal's decision rounds so that every board is asked, whatever the day: a round normally
/// ends a month before the old agreement does (time to sign), but never before each board's next
/// meeting that its notice can still name (<see cref="NoticeRule"/>) — a renewal started in the last
/// weeks of a mandate, or tried again after a failed round, asks every board rather than ending unasked.
/// A round that failed after the election of the mandate's last year is tried again by the new boards,
/// from the first day of the new mandate (the outgoing boards rarely manage before the turn of the year).
/// </summary>
public static class RenewalRounds
{
    /// <summary>Time before the old agreement ends that the round leaves for the chairs to sign.</summary>
    public static readonly Period SigningTime = Period.FromMonths(1);

    /// <summary>How long a round waits for a board whose meeting plan has no meeting yet.</summary>
    public static readonly Period WithoutPlan = Period.FromMonths(3);

    public static async Task<RenewalRoundPlan> PlanAsync(
        IBusRecords records,
        Agreement current,
        Agreement successor,
        bool afterFailedRound,
        LocalDate today,
        IWorkingDayCalendar calendar,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(successor);
        var startsOn = afterFailedRound && InElectionGap(current, successor, today) ? successor.ValidFrom : today;

        var meetings = new Dictionary<string, LocalDate?>();
        var names = new Dictionary<string, string>();
        foreach (var id in successor.PartyBoardIds)
        {
            var board = await records.FindBoardAsync(id, ct);
            names[id] = board?.Code ?? id;
            meetings[id] = board is null ? null : (await records.FirstMeetingNoticedOnOrAfterAsync(board, startsOn, calendar, ct))?.Date;
        }

        var usual = current.ValidUntil.Minus(SigningTime);
        var lastMeeting = meetings.Values.Max() ?? usual;
        var withoutPlan = meetings.Where(m => m.Value is null).Select(m => names[m.Key]).ToList();
        var deadline = LocalDate.Max(LocalDate.Max(usual, lastMeeting), withoutPlan.Count > 0 ? startsOn.Plus(WithoutPlan) : usual);
        var endsAfter = deadline > current.ValidUntil;

        List<string> sv = [];
        List<string> en = [];
        if (startsOn > today)
        {
            sv.Add($"Valet har hållits och de avgående nämnderna hann inte besluta: de nya nämnderna beslutar från {Iso(startsOn)}.");
            en.Add($"The election has been held and the outgoing boards did not manage to decide: the new boards decide from {Iso(startsOn)}.");
        }

        if (endsAfter)
        {
            sv.Add($"Alla nämnder kan besluta först {Iso(deadline)}, efter att {current.Title} löper ut {Iso(current.ValidUntil)}: samverkan fortsätter under den utlöpta överenskommelsen tills alla parter har beslutat.");
            en.Add($"Not every board can decide before {Iso(deadline)}, after {current.Title} ends on {Iso(current.ValidUntil)}: the collaboration goes on under the lapsed agreement until every party has decided.");
        }

        if (withoutPlan.Count > 0)
        {
            var boards = string.Join(", ", withoutPlan);
            sv.Add($"Sammanträdesplanen saknar sammanträden för {boards}: beslutsomgången väntar till {Iso(deadline)}.");
            en.Add($"The meeting plan of {boards} has no meetings: the round waits until {Iso(deadline)}.");
        }

        return new RenewalRoundPlan(startsOn, deadline, meetings, Join(sv), Join(en)) { EndsAfterAgreement = endsAfter, BoardCodes = names };
    }

    /// <summary>
    /// What the last round came to, for the coordinator who prepares the next: "KUN avslog; BUN beslutade inte."
    /// </summary>
    public static (string Swedish, string English) PreviousRound(IReadOnlyList<string> rejectedBy, IReadOnlyList<string> undecided, IReadOnlyDictionary<string, string> codes)
    {
        ArgumentNullException.ThrowIfNull(rejectedBy);
        ArgumentNullException.ThrowIfNull(undecided);
        ArgumentNullException.ThrowIfNull(codes);
        string Codes(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => codes.GetValueOrDefault(id, id)));
        List<string> sv = ["Den förra beslutsomgången gav inte alla parters godkännande."];
        List<string> en = ["The last decision round did not bring every party's approval."];
        if (rejectedBy.Count > 0)
        {
            sv.Add($"Avslog: {Codes(rejectedBy)}.");
            en.Add($"Rejected: {Codes(rejectedBy)}.");
        }

        if (undecided.Count > 0)
        {
            sv.Add($"Beslutade inte i tid: {Codes(undecided)}.");
            en.Add($"Did not decide in time: {Codes(undecided)}.");
        }

        sv.Add("Ta fram ett nytt förslag; en ny beslutsomgång startar när det är klart.");
        en.Add("Prepare a new draft; a new round starts when it is ready.");
        return (string.Join(" ", sv), string.Join(" ", en));
    }

    /// <summary>After the election in the old agreement's last year, before the new mandate's boards take office.</summary>
    private static bool InElectionGap(Agreement current, Agreement successor, LocalDate today) =>
        MandatePeriods.IsElectionYear(current.ValidUntil.Year)
        && today >= MandatePeriods.ElectionDay(current.ValidUntil.Year)
        && today < successor.ValidFrom;

    private static string? Join(List<string> parts) => parts.Count > 0 ? string.Join(" ", parts) : null;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
