using System.Diagnostics;
using System.Diagnostics.Metrics;
using BusFlow.Engine.Diagnostics;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Health;
using BusFlow.Notifications.Outbox;
using BusFlow.Storage;
using BusFlow.Web.Pages.Instances;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace BusFlow.Host.Telemetry;

/// <summary>
/// The gauges read from the database: instances by state, timers due and late, the outbox's depth and
/// the age of its oldest due message. A scrape asks the database at most once every
/// BusFlow:Telemetry:GaugeRefresh and waits for it at most BusFlow:Health:CheckTimeout; while the
/// database does not answer the gauges report nothing rather than stale numbers. The values are the
/// whole installation's, the same on every node (aggregate them with max, not sum).
/// </summary>
public sealed class DatabaseGauges : IDisposable
{
    /// <summary>A scrape reads every gauge in turn: one read of the database serves them all.</summary>
    private static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(1);

    private readonly IDbContextFactory<BusFlowDbContext> _contexts;
    private readonly IClock _clock;
    private readonly LateTimerSettings _late;
    private readonly HealthSettings _health;
    private readonly TelemetrySettings _settings;
    private readonly Meter _meter;
    private readonly Lock _gate = new();
    private DatabaseSnapshot? _snapshot;
    private long _readAt;
    private Task? _reading;

    public DatabaseGauges(
        IDbContextFactory<BusFlowDbContext> contexts, IClock clock, LateTimerSettings late, HealthSettings health,
        TelemetrySettings settings, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (_contexts, _clock, _late, _health, _settings) = (contexts, clock, late, health, settings);
        // A meter of this host's own (disposed with it), named as the engine's, so one AddMeter takes both.
        _meter = meters.Create(BusFlowTelemetry.Name);
        _meter.CreateObservableGauge("busflow.instances", ObserveInstances, "{instance}", "Workflow instances by state (running, waiting, completed, faulted, cancelled).");
        _meter.CreateObservableGauge("busflow.timers.due", () => Observe(s => (long)s.TimersDue), "{timer}", "Pending timers whose due time has come.");
        _meter.CreateObservableGauge("busflow.timers.late", () => Observe(s => (long)s.TimersLate), "{timer}", "Pending timers more than BusFlow:Health:LateTimerAfter past due.");
        _meter.CreateObservableGauge("busflow.outbox.depth", () => Observe(s => (long)s.OutboxDepth), "{message}", "Outbox messages not yet sent (pending, due or waiting to be tried again).");
        _meter.CreateObservableGauge("busflow.outbox.due", () => Observe(s => (long)s.OutboxDue), "{message}", "Outbox messages due to be sent now.");
        _meter.CreateObservableGauge("busflow.outbox.oldest_due_age", () => Observe(s => s.OutboxOldestDueAge.TotalSeconds), "s", "How long the oldest due outbox message has waited (0 when none is due).");
    }

    /// <summary>The counts, read again when older than the refresh interval; null while the database does not answer.</summary>
    public DatabaseSnapshot? Current()
    {
        Task reading;
        lock (_gate)
        {
            if (_readAt != 0 && Stopwatch.GetElapsedTime(_readAt) < (_settings.GaugeRefresh > MinimumRefresh ? _settings.GaugeRefresh : MinimumRefresh))
            {
                return _snapshot;
            }

            reading = _reading ??= Task.Run(ReadAsync);
        }

        // Observable instruments are read synchronously; the wait is bounded, and a slow read serves the next scrape.
        reading.Wait(_health.CheckTimeout);
        lock (_gate)
        {
            return _snapshot;
        }
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveInstances()
    {
        if (Current() is not { } snapshot)
        {
            return [];
        }

        return Enum.GetValues<InstanceStatus>().Select(state => new Measurement<long>(
            snapshot.InstancesByState.GetValueOrDefault(state), new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant())));
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<DatabaseSnapshot, T> value)
        where T : struct =>
        Current() is { } snapshot ? [new Measurement<T>(value(snapshot))] : [];

    private async Task ReadAsync()
    {
        DatabaseSnapshot? snapshot = null;
        try
        {
            using var deadline = new CancellationTokenSource(_health.CheckTimeout);
            snapshot = await ReadSnapshotAsync(deadline.Token).WaitAsync(deadline.Token);
        }
#pragma warning disable CA1031 // A database that does not answer means no gauges this round, never a failed scrape.
        catch (Exception)
#pragma warning restore CA1031
        {
            snapshot = null;
        }

        lock (_gate)
        {
            _snapshot = snapshot;
            _readAt = Stopwatch.GetTimestamp();
            _reading = null;
        }
    }

    private async Task<DatabaseSnapshot> ReadSnapshotAsync(CancellationToken ct)
    {
        var now = _clock.GetCurrentInstant();
        var lateBefore = now - Duration.FromTimeSpan(_late.After);
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var instances = await db.Instances.AsNoTracking()
            .GroupBy(i => i.Status)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var pendingTimers = db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending);
        var timersDue = await pendingTimers.CountAsync(t => t.DueAt <= now, ct);
        var timersLate = timersDue == 0 ? 0 : await pendingTimers.CountAsync(t => t.DueAt <= lateBefore, ct);
        var pendingMail = db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending);
        var depth = await pendingMail.CountAsync(ct);
        var due = depth == 0 ? 0 : await pendingMail.CountAsync(m => m.NextAttemptAt <= now, ct);
        var oldestAge = TimeSpan.Zero;
        if (due > 0)
        {
            var oldest = await pendingMail.Where(m => m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).Select(m => m.NextAttemptAt).FirstAsync(ct);
            oldestAge = (now - oldest).ToTimeSpan();
        }

        return new DatabaseSnapshot(instances, timersDue, timersLate, depth, due, oldestAge);
    }
}
