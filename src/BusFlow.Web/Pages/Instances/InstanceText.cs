using System.Globalization;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Notifications.Outbox;
using BusFlow.Web.Resources;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Instances;

/// <summary>An instance's states, its timers and its mail as a person reads them, in her language and in the engine's time zone.</summary>
internal static class InstanceText
{
    private static readonly LocalDateTimePattern LocalTime = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public static string At(Instant at, DateTimeZone zone) => LocalTime.Format(at.InZone(zone).LocalDateTime);

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string State(InstanceStatus status) => Named("InstanceState_", status.ToString());

    public static string TimerState(TimerStatus status) => Named("TimerState_", status.ToString());

    public static string MailState(OutboxStatus status) => Named("MailState_", status.ToString());

    /// <summary>What a step waits for: a person's answer, a time, another workflow, a signal.</summary>
    public static string Waiting(BookmarkKind kind) => Named("BookmarkKind_", kind.ToString());

    public static string Reminder(ReminderKind kind) => Named("ReminderKind_", kind.ToString());

    /// <summary>What a timer does when due: reminds about a task (which, of which kind, to whom), or lets a waiting step go on.</summary>
    public static string Timer(DurableTimer timer, HumanTask? task)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.Purpose != TimerPurpose.TaskReminder)
        {
            return Format(Strings.Timer_Resume, timer.ActivityId);
        }

        var kind = timer.ReminderKind is { } k ? Reminder(k) : Strings.Timer_Reminder;
        return task is null
            ? Format(Strings.Timer_ReminderOfUnknownTask, kind, timer.ReminderNumber ?? 1)
            : Format(Strings.Timer_ReminderOfTask, kind, timer.ReminderNumber ?? 1, task.Title, task.Role is { } role ? $"{task.Assignee} ({role})" : task.Assignee);
    }

    /// <summary>The alarm over the instances pages: how many timers are late, since when, and by which rule.</summary>
    public static string? LateAlarm(LateTimerReport late, DateTimeZone zone) =>
        late is { AnyLate: true, OldestDue: { } oldest }
            ? Format(Strings.LateTimers_Alarm, late.Count, At(oldest, zone), (int)Math.Round(late.After.TotalMinutes))
            : null;

    public static string Format(string format, params object?[] values) => string.Format(CultureInfo.CurrentCulture, format, values);

    private static string Named(string prefix, string name) =>
        Strings.ResourceManager.GetString(prefix + name, CultureInfo.CurrentUICulture) ?? name;
}
