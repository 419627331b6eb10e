using BusFlow.Engine.Persistence;
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
    ShortcomingLinks reportLinks,
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
        var sendFrom = TaskMailWindow.SendFrom(task, task.CreatedAt, calendar, engine.TimeZone);
        var model = TaskMailModel.Of(task, link, recipientName: null);
        model["report_link"] = await reportLinks.ForTaskAsync(task, task.Assignee, session, task.CreatedAt, ct);
        TaskMailOutbox.TryEnqueue(renderer, Template, language, model, task.Assignee, link, task, task.CreatedAt, session, logger, sendFrom);
    }
}
