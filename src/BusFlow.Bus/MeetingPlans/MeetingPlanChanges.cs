namespace BusFlow.Bus.MeetingPlans;

/// <summary>What replacing a year's meeting plan did: meetings added, moved to another time or place, taken out, left as they were.</summary>
public sealed record MeetingPlanChanges(int Added, int Changed, int Removed, int Unchanged)
{
    public int Planned => Added + Changed + Unchanged;
}
