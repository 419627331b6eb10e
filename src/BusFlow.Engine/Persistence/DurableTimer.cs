using NodaTime;

namespace BusFlow.Engine.Persistence;

/// <summary>
/// A timer is a row first and a Hangfire job second: the row is written in the transaction that
/// created it, so a lost job (restart, in-memory storage) is found again by the sweep.
/// </summary>
public sealed class DurableTimer
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid BookmarkId { get; set; }
    public required string ActivityId { get; set; }
    public Instant DueAt { get; set; }
    public TimerStatus Status { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? FiredAt { get; set; }
    public int Version { get; set; }
}

public enum TimerStatus
{
    Pending = 0,
    Fired = 1,
    Cancelled = 2,
}
