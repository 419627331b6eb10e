using System.Text.Json.Nodes;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.Logging;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// Keeps a changed task's links and mail true, in the transaction that changes it. A moved task's
/// live links last until its new due date (plus the grace period) and its assignee gets "task-moved"
/// with the same link; a task passed to a new address kills the old address's links and sends the
/// task ("task-assigned") to the new one with links of its own; a task sent again goes to its assignee
/// ("task-assigned") with the links already live. The mail keeps to the task's working-day window like a
/// new task's.
/// </summary>
public sealed class TaskChangeMail(
    IEnumerable<IMessageTemplates> templates,
    TaskMailLinks links,
    ShortcomingLinks reportLinks,
    MailLanguages languages,
    IWorkingDayCalendar calendar,
    EngineOptions engine,
    ILogger<TaskChangeMail> logger)
    : ITaskChangeObserver
{
    public const string MovedTemplate = "task-moved";

    public async Task OnTaskChangedAsync(TaskChangeNotice notice, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(session);
        var task = notice.Task;
        var tokens = await session.Facet<ILinkTokens>().ListForTaskAsync(task.Id, ct);
        if (notice.Kind == TaskChangeKind.Moved)
        {
            var expires = links.ExpiryOf(task);
            foreach (var token in tokens.Where(t => t.IsLive(notice.At)))
            {
                token.ExpiresAt = expires;
            }
        }
        else if (notice.Kind == TaskChangeKind.Reassigned)
        {
            var previous = notice.PreviousAssignee.Trim().ToLowerInvariant();
            foreach (var token in tokens.Where(t => t.Recipient == previous && t.RevokedAt is null))
            {
                token.RevokedAt = notice.At;
            }
        }

        await MailAsync(notice, session, ct);
    }

    private async Task MailAsync(TaskChangeNotice notice, IWorkflowSession session, CancellationToken ct)
    {
        var template = notice.Kind == TaskChangeKind.Moved ? MovedTemplate : TaskAssignedMail.Template;
        var renderer = templates.FirstOrDefault();
        var task = notice.Task;
        if (renderer is null || !MailAddresses.LooksLikeAddress(task.Assignee) || !renderer.Names.Contains(template))
        {
            return;
        }

        var link = await links.ForAsync(task, task.Assignee, session, notice.At, ct);
        var model = TaskMailModel.Of(task, link, recipientName: null);
        model["report_link"] = await reportLinks.ForTaskAsync(task, task.Assignee, session, notice.At, ct);
        model["change"] = new JsonObject
        {
            ["reason"] = notice.Reason,
            ["previousDue"] = notice.PreviousDueDate is { } previous ? Values.FromDate(previous) : null,
        };
        var language = await languages.OfAsync(task.Assignee, session, ct);
        var sendFrom = TaskMailWindow.SendFrom(task, notice.At, calendar, engine.TimeZone);
        TaskMailOutbox.TryEnqueue(renderer, template, language, model, task.Assignee, link, task, notice.At, session, logger, sendFrom);
    }
}
