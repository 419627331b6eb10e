using NodaTime;

namespace BusFlow.Engine.Reminders;

/// <summary>
/// When a task's assignee is reminded, declared in the definition: so many working days before the
/// due date, on it, and every so many working days after it at most so many times; then the task is
/// escalated (people are notified, the task is never silently reassigned). Reminders go out at the
/// start of the window (default 08:00–17:00 local time) on working days only.
/// </summary>
public sealed record ReminderPolicy
{
    public static readonly ReminderPolicy Default = new();

    /// <summary>Working days before the due date, e.g. [14, 7, 2].</summary>
    public IReadOnlyList<int> WorkingDaysBefore { get; init; } = [7, 2];

    public bool OnDueDate { get; init; } = true;

    /// <summary>After the due date: a reminder every this many working days…</summary>
    public int EveryWorkingDaysAfter { get; init; } = 3;

    /// <summary>…at most this many times; then the task escalates.</summary>
    public int MaxAfter { get; init; } = 2;

    /// <summary>Who is told when the reminders after the due date are used up (role names, e.g. ViceChair, Secretary); none: no escalation.</summary>
    public IReadOnlyList<string> EscalateTo { get; init; } = [];

    public LocalTime WindowStart { get; init; } = new(8, 0);
    public LocalTime WindowEnd { get; init; } = new(17, 0);
}
