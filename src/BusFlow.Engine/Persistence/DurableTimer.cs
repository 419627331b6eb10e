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

    /// <summary>What the timer does when due: resume its bookmark, or remind about a task.</summary>
    public TimerPurpose Purpose { get; set; }

    /// <summary>For a reminder: the task it reminds about (its bookmark is the task's).</summary>
    public Guid? TaskId { get; set; }

    public Reminders.ReminderKind? ReminderKind { get; set; }

    /// <summary>For a reminder: its number within its kind (the 2nd reminder after the due date, …).</summary>
    public int? ReminderNumber { get; set; }

    public int Version { get; set; }
}

public enum TimerPurpose
{
    /// <summary>Resumes the bookmark of a Delay, WaitUntil, … when due.</summary>
    Resume = 0,

    /// <summary>Reminds about an open task, or escalates it; never resumes the workflow.</summary>
    TaskReminder = 1,
}

public enum TimerStatus
{
    Pending = 0,
    Fired = 1,
    Cancelled = 2,
}
