namespace BusFlow.Bus.MeetingPlans;

/// <summary>How adding or taking out one meeting went.</summary>
public enum MeetingEditOutcome
{
    Done,
    NoBoard,
    NoMeeting,

    /// <summary>The day has passed: a meeting cannot be planned then, and one that was held stays in the plan.</summary>
    InThePast,

    /// <summary>The board already meets that day.</summary>
    Taken,

    TooLong,
}
