using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>
/// One thing that happened in a simulated run, read from a journal or from the outbox. Subject is
/// the task's title, the workflow started or the mail's subject; recipient the task's assignee or
/// the mail's addressee; due the task's due date or the timer's local due time. Label names a
/// domain record the step wrote (a decision, a signature, an agreement's new status) or "mail".
/// Kind is the journal entry's kind; for a mail, the kind of the step that wrote it, if known.
/// </summary>
public sealed record TimelineEvent(
    Instant Instant,
    LocalDateTime Local,
    JournalKind? Kind,
    string Workflow,
    Guid Instance,
    int Sequence,
    string? Activity,
    string? Subject = null,
    string? Recipient = null,
    string? Outcome = null,
    string? By = null,
    string? Due = null,
    string? Detail = null,
    string? Board = null,
    string? Label = null)
{
    /// <summary>The mail this event shows, when it is one.</summary>
    public TimelineMail? Mail { get; init; }
}

/// <summary>
/// A mail in the outbox as the timeline shows it: to whom, about what, whether it is required or
/// optional, the iCalendar METHOD (REQUEST, CANCEL, …) of the invitation it carries, if any, and the
/// local time it may first go out ("2026-03-02 08:00"): later than it was written when it waits for
/// the working-day window.
/// </summary>
public sealed record TimelineMail(string To, string Subject, string Kind, string? CalendarMethod, string SendsAt);

/// <summary>One instance's row, journal and tasks: what its part of the timeline is read from.</summary>
public sealed record InstanceHistory(WorkflowInstance Instance, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<HumanTask> Tasks);
