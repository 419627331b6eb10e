using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Web.Pages.Instances;

/// <summary>
/// Finds the timers that should have fired and have not: a stopped job server or a lost job shows
/// here (on the pages and in /health/ready) before anyone misses a reminder.
/// </summary>
public sealed class LateTimerWatch(IWorkflowStore store, IClock clock, LateTimerSettings settings)
{
    /// <summary>How long after its due time a pending timer counts as late.</summary>
    public TimeSpan After => settings.After;

    public async Task<LateTimerReport> CheckAsync(CancellationToken ct)
    {
        var lateBefore = clock.GetCurrentInstant() - Duration.FromTimeSpan(settings.After);
        await using var session = await store.BeginAsync(ct);
        var count = await session.CountDueTimersAsync(lateBefore, ct);
        var oldest = count == 0 ? null : (await session.ListDueTimersAsync(lateBefore, 1, ct)).FirstOrDefault()?.DueAt;
        return new LateTimerReport(count, oldest, settings.After);
    }
}
