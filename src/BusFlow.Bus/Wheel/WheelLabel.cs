namespace BusFlow.Bus.Wheel;

/// <summary>
/// What an entry is, as a key the presentation words in its own language (with the entry's data:
/// the plan year, the meeting a notice is for).
/// </summary>
public enum WheelLabel
{
    SpringMeeting,
    AutumnMeeting,
    BoardMeeting,
    SpringReportsDue,
    AutumnReportsDue,

    /// <summary>The last day the proposal on next year's priorities can go into a board's notice for the meeting that decides it.</summary>
    PrioritiesNoticeBy,
    PrioritiesRound,
    PrioritiesDecided,
    RenewalRound,
    RenewalDecisionsDue,
    Election,

    /// <summary>The yearly follow-up meeting of the parties' presidia, with its convener and the next year's.</summary>
    FollowUpMeeting,

    /// <summary>The day the convener's agenda for the yearly follow-up is due.</summary>
    FollowUpAgendaDue,
}
