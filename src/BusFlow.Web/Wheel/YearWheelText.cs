using System.Globalization;
using BusFlow.Bus.Wheel;
using NodaTime;

namespace BusFlow.Web.Wheel;

/// <summary>The annual wheel's words in the current UI language: what each entry is, whose it is, and when.</summary>
public static class YearWheelText
{
    public static string What(WheelEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var culture = CultureInfo.CurrentCulture;
        return entry.Label switch
        {
            WheelLabel.SpringMeeting => Resources.Strings.Wheel_Label_SpringMeeting,
            WheelLabel.AutumnMeeting => Resources.Strings.Wheel_Label_AutumnMeeting,
            WheelLabel.BoardMeeting => Resources.Strings.Wheel_Label_BoardMeeting + (entry.StartsAt is { } starts ? " " + starts.ToString("HH:mm", culture) : "") + (entry.Place is { Length: > 0 } place ? ", " + place : ""),
            WheelLabel.SpringReportsDue => Resources.Strings.Wheel_Label_SpringReportsDue,
            WheelLabel.AutumnReportsDue => Resources.Strings.Wheel_Label_AutumnReportsDue,
            WheelLabel.PrioritiesNoticeBy => string.Format(culture, Resources.Strings.Wheel_Label_PrioritiesNoticeBy, entry.MeetingDate is { } meeting ? Date(meeting) : "", entry.PlanYear),
            WheelLabel.PrioritiesRound => string.Format(culture, Resources.Strings.Wheel_Label_PrioritiesRound, entry.PlanYear),
            WheelLabel.PrioritiesDecided => string.Format(culture, Resources.Strings.Wheel_Label_PrioritiesDecided, entry.PlanYear),
            WheelLabel.RenewalRound => Resources.Strings.Wheel_Label_RenewalRound,
            WheelLabel.RenewalDecisionsDue => Resources.Strings.Wheel_Label_RenewalDecisionsDue,
            WheelLabel.Election => Resources.Strings.Wheel_Label_Election,
            WheelLabel.FollowUpMeeting => string.Format(culture, Resources.Strings.Wheel_Label_FollowUpMeeting, entry.Convener ?? "–", entry.NextConvener ?? "–"),
            WheelLabel.FollowUpAgendaDue => Resources.Strings.Wheel_Label_FollowUpAgendaDue,
            _ => entry.Label.ToString(),
        };
    }

    public static string Kind(WheelEntryKind kind) => kind switch
    {
        WheelEntryKind.CollaborationMeeting => Resources.Strings.Wheel_Kind_CollaborationMeeting,
        WheelEntryKind.BoardMeeting => Resources.Strings.Wheel_Kind_BoardMeeting,
        WheelEntryKind.Deadline => Resources.Strings.Wheel_Kind_Deadline,
        WheelEntryKind.DecisionRound => Resources.Strings.Wheel_Kind_DecisionRound,
        WheelEntryKind.Renewal => Resources.Strings.Wheel_Kind_Renewal,
        _ => Resources.Strings.Wheel_Kind_Election,
    };

    public static string Whose(WheelEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.OwnerName.Length > 0 ? entry.OwnerName : Resources.Strings.Wheel_Everyone;
    }

    public static string LaneName(WheelLane lane)
    {
        ArgumentNullException.ThrowIfNull(lane);
        return lane.Kind == WheelLaneKind.DeadlinesAndRounds ? Resources.Strings.Wheel_LaneDeadlines : lane.Name;
    }

    /// <summary>The day, or the span "1 april 2026 till 31 december 2026".</summary>
    public static string When(WheelEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.IsSpan ? string.Format(CultureInfo.CurrentCulture, Resources.Strings.Wheel_Span, Date(entry.Start), Date(entry.End)) : Date(entry.Start);
    }

    /// <summary>The mark's tooltip and accessible name: when, what, whose.</summary>
    public static string Summary(WheelEntry entry) => $"{When(entry)}: {What(entry)} ({Whose(entry)})";

    public static string Date(LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Month(int month) => CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(month);
}
