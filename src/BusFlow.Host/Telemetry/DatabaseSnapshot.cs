using BusFlow.Engine.Persistence;

namespace BusFlow.Host.Telemetry;

/// <summary>The database's counts at one moment, as the gauges report them.</summary>
public sealed record DatabaseSnapshot(
    IReadOnlyDictionary<InstanceStatus, int> InstancesByState,
    int TimersDue,
    int TimersLate,
    int OutboxDepth,
    int OutboxDue,
    TimeSpan OutboxOldestDueAge);
