namespace BusFlow.Bus.MeetingPlans;

/// <summary>What replacing a year's meeting plan did: meetings added, moved to another time or place, taken out, left as they were, and the decisions that moved with them.</summary>
public sealed record MeetingPlanChanges(int Added, int Changed, int Removed, int Unchanged)
{
    public int Planned => Added + Changed + Unchanged;

    /// <summary>The open decisions whose meeting was taken out: moved to the board's next meeting, or left waiting when none is planned.</summary>
    public IReadOnlyList<DeadlineMove> Deadlines { get; init; } = [];
}
