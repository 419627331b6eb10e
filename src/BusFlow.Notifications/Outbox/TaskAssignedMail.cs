using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Activities.BuiltIn;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.Logging;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// Puts the "task-assigned" mail to the assignee in the outbox when a task is created, in the same
/// transaction as the task: the task and its mail are committed together or not at all. Assignees
/// that are not e-mail addresses, and hosts without templates, get no mail. The mail waits for the
/// task's reminder window on a working day, as reminders do, unless the task is urgent.
/// </summary>
public sealed class TaskAssignedMail(
    IEnumerable<IMessageTemplates> templates,
    TaskMailLinks links,
    MailLanguages languages,
    IWorkingDayCalendar calendar,
    EngineOptions engine,
    ILogger<TaskAssignedMail> logger) : ITaskObserver
{
    public const string Template = "task-assigned";

    public async Task OnTaskCreatedAsync(HumanTask task, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(session);
        var renderer = templates.FirstOrDefault();
        if (renderer is null || !MailAddresses.LooksLikeAddress(task.Assignee) || !renderer.Names.Contains(Template))
        {
            return;
        }

        var link = links.ForNewTask(task, session, task.CreatedAt);
        var language = await languages.OfAsync(task.Assignee, session, ct);
        var sendFrom = IsUrgent(task)
            ? task.CreatedAt
            : ReminderSchedule.NextSendMoment(task.CreatedAt, PolicyOf(task), calendar, engine.TimeZone);
        TaskMailOutbox.TryEnqueue(renderer, Template, language, TaskMailModel.Of(task, link, recipientName: null), task.Assignee, link, task, task.CreatedAt, session, logger, sendFrom);
    }

    private static bool IsUrgent(HumanTask task) =>
        task.DataJson is { } json && JsonNode.Parse(json) is JsonObject data
        && data[HumanTaskActivity.UrgentKey] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;

    private static ReminderPolicy PolicyOf(HumanTask task) =>
        task.ReminderPolicyJson is { } json ? ReminderPolicyJson.Parse(json) : ReminderPolicy.Default;
}
