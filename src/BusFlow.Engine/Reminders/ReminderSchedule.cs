using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Engine.Reminders;

public enum ReminderKind
{
    BeforeDue,
    OnDue,
    Overdue,
    Escalation,
}

/// <summary>One reminder: when it goes out, what kind it is, and its number within its kind (1, 2, …).</summary>
public sealed record ScheduledReminder(Instant At, LocalDate Day, ReminderKind Kind, int Number);

/// <summary>
/// Turns a reminder policy and a due date into the moments the reminders go out. Every moment is
/// the start of the window on a working day in the given zone, so none falls on a weekend, a
/// public holiday or an afton day, or in the night — across daylight-saving changes too.
/// Moments already past when the task is created are left out.
/// </summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<ScheduledReminder> Compute(ReminderPolicy policy, LocalDate due, Instant createdAt, IWorkingDayCalendar calendar, DateTimeZone zone)
    {
        var reminders = new List<ScheduledReminder>();
        var dueDay = calendar.OnOrNextWorkingDay(due);
        var before = policy.WorkingDaysBefore.Where(d => d > 0).Distinct().OrderByDescending(d => d).ToList();
        for (var i = 0; i < before.Count; i++)
        {
            reminders.Add(At(calendar.AddWorkingDays(dueDay, -before[i]), ReminderKind.BeforeDue, i + 1));
        }

        if (policy.OnDueDate)
        {
            reminders.Add(At(dueDay, ReminderKind.OnDue, 1));
        }

        var last = dueDay;
        if (policy.EveryWorkingDaysAfter > 0)
        {
            for (var n = 1; n <= policy.MaxAfter; n++)
            {
                last = calendar.AddWorkingDays(last, policy.EveryWorkingDaysAfter);
                reminders.Add(At(last, ReminderKind.Overdue, n));
            }

            if (policy.EscalateTo.Count > 0)
            {
                reminders.Add(At(calendar.AddWorkingDays(last, policy.EveryWorkingDaysAfter), ReminderKind.Escalation, 1));
            }
        }

        return reminders.Where(r => r.At > createdAt).OrderBy(r => r.At).ToList();

        ScheduledReminder At(LocalDate day, ReminderKind kind, int number) =>
            new(day.At(policy.WindowStart).InZoneLeniently(zone).ToInstant(), day, kind, number);
    }

    /// <summary>
    /// The moment a message due now may go out: now, when now is inside the window on a working
    /// day; otherwise the start of the next window on a working day.
    /// </summary>
    public static Instant NextSendMoment(Instant now, ReminderPolicy policy, IWorkingDayCalendar calendar, DateTimeZone zone)
    {
        var local = now.InZone(zone).LocalDateTime;
        if (calendar.IsWorkingDay(local.Date) && local.TimeOfDay >= policy.WindowStart && local.TimeOfDay < policy.WindowEnd)
        {
            return now;
        }

        var day = local.TimeOfDay < policy.WindowStart ? local.Date : local.Date.PlusDays(1);
        return calendar.OnOrNextWorkingDay(day).At(policy.WindowStart).InZoneLeniently(zone).ToInstant();
    }
}
