using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>
/// One thing that happened in a simulated run, read from a journal or from the outbox. Subject is
/// the task's title, the workflow started or the mail's subject; recipient the task's assignee or
/// the mail's addressee; due the task's due date or the timer's local due time (a task's reminder
/// timers: the first, with all of them in <see cref="Reminders"/>). Label names a domain record the
/// step wrote (a decision, a signature, an agreement's new status, a decision round's result),
/// "mail" or "digest" (a weekly digest's mail). Kind is the journal entry's kind; for a mail, the
/// kind of the step that wrote it, if known.
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

    /// <summary>A task's reminder timers, when the event schedules them.</summary>
    public IReadOnlyList<TimelineReminder>? Reminders { get; init; }

    /// <summary>Who a reminder or an escalation went to, with the role they hold ("sn/Chair"), when the event is one.</summary>
    public IReadOnlyList<TimelineRecipient>? Recipients { get; init; }

    /// <summary>A decision's paragraph in the board's minutes ("§ 11"), when it was given.</summary>
    public string? Paragraph { get; init; }

    /// <summary>A weekly digest's number of open tasks.</summary>
    public int? OpenTasks { get; init; }

    /// <summary>A decision round's result: the boards that approved, rejected and did not decide.</summary>
    public TimelineRoundResult? Round { get; init; }
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
