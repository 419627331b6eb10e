namespace BusFlow.Bus.MeetingPlans;

/// <summary>Either every meeting of the plan and no error, or the errors and no meeting.</summary>
public sealed record MeetingPlanRead(IReadOnlyList<PlannedMeeting> Meetings, IReadOnlyList<MeetingPlanError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
