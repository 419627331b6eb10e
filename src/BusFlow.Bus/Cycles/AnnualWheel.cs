using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Cycles;

/// <summary>
/// One year of the collaboration's annual wheel (årshjul): the spring review of the past year and
/// the present, and the autumn planning of the present and the future, each with the day it starts,
/// the day the parties' reports are due and the meeting; autumn also the day the boards' decision
/// round on next year's priorities ends. Every date falls on a working day.
/// </summary>
public sealed record AnnualCycle(
    int Year,
    LocalDate SpringStarts,
    LocalDate SpringReportsDue,
    LocalDate SpringMeeting,
    LocalDate AutumnStarts,
    LocalDate AutumnReportsDue,
    LocalDate AutumnMeeting,
    LocalDate DecisionDeadline)
{
    public int PlanYear => Year + 1;
}

public static class AnnualWheel
{
    /// <summary>The default wheel: spring from early February to a mid-April meeting, autumn from mid-August to an early-October meeting and decisions by mid-December.</summary>
    public static AnnualCycle For(int year, IWorkingDayCalendar calendar)
    {
        LocalDate On(int month, int day) => calendar.OnOrNextWorkingDay(new LocalDate(year, month, day));
        return new AnnualCycle(
            year,
            SpringStarts: On(2, 1),
            SpringReportsDue: On(3, 15),
            SpringMeeting: On(4, 15),
            AutumnStarts: On(8, 17),
            AutumnReportsDue: On(9, 15),
            AutumnMeeting: On(10, 6),
            DecisionDeadline: On(12, 15));
    }
}
