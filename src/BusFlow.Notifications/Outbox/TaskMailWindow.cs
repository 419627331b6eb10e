using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Activities.BuiltIn;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// When a mail about a task may go out: in the task's reminder window on a working day, as reminders do,
/// unless the task is urgent — a new task, a moved one and one handed to someone else alike.
/// </summary>
public static class TaskMailWindow
{
    public static Instant SendFrom(HumanTask task, Instant at, IWorkingDayCalendar calendar, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(task);
        return IsUrgent(task) ? at : ReminderSchedule.NextSendMoment(at, PolicyOf(task), calendar, zone);
    }

    private static bool IsUrgent(HumanTask task) =>
        task.DataJson is { } json && JsonNode.Parse(json) is JsonObject data
        && data[HumanTaskActivity.UrgentKey] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;

    private static ReminderPolicy PolicyOf(HumanTask task) =>
        task.ReminderPolicyJson is { } json ? ReminderPolicyJson.Parse(json) : ReminderPolicy.Default;
}
