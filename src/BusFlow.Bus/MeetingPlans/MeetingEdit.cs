using BusFlow.Bus.Model;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>How adding a meeting to a plan or taking one out went, and the decisions that moved with it.</summary>
public sealed record MeetingEdit(MeetingEditOutcome Outcome, BoardMeeting? Meeting)
{
    public IReadOnlyList<DeadlineMove> Deadlines { get; init; } = [];
}
