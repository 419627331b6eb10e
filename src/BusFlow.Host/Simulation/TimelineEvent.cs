using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>
/// One thing that happened in a simulated run, read from a journal. Subject is the task's title or
/// the workflow started; recipient the task's assignee; due the task's due date or the timer's local due time.
/// Label names a domain record the step wrote (a decision, a signature, an agreement's new status).
/// </summary>
public sealed record TimelineEvent(
    Instant Instant,
    LocalDateTime Local,
    JournalKind Kind,
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
    string? Label = null);

/// <summary>One instance's row, journal and tasks: what its part of the timeline is read from.</summary>
public sealed record InstanceHistory(WorkflowInstance Instance, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<HumanTask> Tasks);
