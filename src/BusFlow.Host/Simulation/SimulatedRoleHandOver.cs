using BusFlow.Engine.Reminders;
using BusFlow.Engine.Simulation;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>The host's nightly hand-over of role tasks (RoleHandOverJob, 00:15 local time) on the virtual clock.</summary>
public sealed class SimulatedRoleHandOver(RoleTaskHandOver handOver, DateTimeZone zone) : ISimulatedJob
{
    public static readonly LocalTime RunsAt = new(0, 15);

    public Instant NextAfter(Instant now)
    {
        var local = now.InZone(zone).LocalDateTime;
        var today = local.Date.At(RunsAt);
        return (local < today ? today : today.PlusDays(1)).InZoneLeniently(zone).ToInstant();
    }

    public Task RunAsync(CancellationToken ct) => handOver.HandOverAsync(ct);
}
