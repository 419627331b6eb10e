using NodaTime;

namespace BusFlow.Web.Pages.Instances;

/// <summary>The pending timers due longer ago than <paramref name="After"/>: how many, and when the oldest was due.</summary>
public sealed record LateTimerReport(int Count, Instant? OldestDue, TimeSpan After)
{
    public bool AnyLate => Count > 0;
}
