namespace BusFlow.Bus.MeetingPlans;

public enum MeetingPlanProblem
{
    /// <summary>The file holds no meeting.</summary>
    Empty,
    NoDate,
    BadDate,
    BadTime,
    TooManyColumns,
    Duplicate,
    InThePast,
    OutsideYear,
    TooLong,
    NotText,
}
