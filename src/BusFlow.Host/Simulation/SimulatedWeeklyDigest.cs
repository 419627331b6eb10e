using BusFlow.Engine.Simulation;
using BusFlow.Notifications.Reminders;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>
/// The host's weekly digest job on the virtual clock: a host runs it every hour and only the first
/// run after the week's digest moment makes mail, so the simulation runs it at that moment.
/// Keeps what each run sent, for the timeline.
/// </summary>
public sealed class SimulatedWeeklyDigest(WeeklyDigest digest, DigestSchedule schedule) : ISimulatedJob
{
    private readonly List<SentDigest> _sent = [];

    public IReadOnlyList<SentDigest> Sent => _sent;

    public Instant NextAfter(Instant now) => schedule.NextAfter(now);

    public async Task RunAsync(CancellationToken ct) => _sent.AddRange(await digest.SendDueDigestsAsync(ct));
}
