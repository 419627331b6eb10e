using BusFlow.Bus.Model;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>How taking a meeting out of a plan went, and the decisions that moved with it.</summary>
public sealed record MeetingRemoval(MeetingEditOutcome Outcome, BoardMeeting? Meeting)
{
    public IReadOnlyList<DeadlineMove> Deadlines { get; init; } = [];
}
