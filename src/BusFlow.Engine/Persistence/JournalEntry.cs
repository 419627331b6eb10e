using NodaTime;

namespace BusFlow.Engine.Persistence;

/// <summary>An append-only line of an instance's history. Never updated, never deleted.</summary>
public sealed class JournalEntry
{
    public Guid InstanceId { get; set; }
    public int Sequence { get; set; }
    public Instant At { get; set; }
    public JournalKind Kind { get; set; }
    public string? ActivityId { get; set; }
    public required string Actor { get; set; }
    public string? DataJson { get; set; }
}

public enum JournalKind
{
    InstanceStarted,
    ActivityStarted,
    ActivityCompleted,
    BookmarkCreated,
    BookmarkResumed,
    TaskCreated,
    TaskCompleted,
    TaskCancelled,
    TaskReminded,
    TaskEscalated,
    TimerScheduled,
    TimerFired,
    TimerCancelled,
    ChildStarted,
    VariableSet,
    InstanceCompleted,
    Faulted,
    Retried,
    Cancelled,
    SignalReceived,

    /// <summary>An open task's due date moved (its meeting moved), with its reminders.</summary>
    TaskMoved,

    /// <summary>An open task passed to another address (its person's e-mail changed).</summary>
    TaskReassigned,

    /// <summary>An open task's mail was sent again to its assignee (an administrator asked for it).</summary>
    TaskResent,

    /// <summary>A timer a workflow waits on got another due time from outside (a deadline extended).</summary>
    TimerMoved,

    /// <summary>A step sent a document (a mail's attachment, e.g. a protocol extract) to someone.</summary>
    DocumentSent,
}
