using System.Text.Json.Nodes;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.Logging;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// Puts the "task-assigned" mail to the assignee in the outbox when a task is created, in the same
/// transaction as the task: the task and its mail are committed together or not at all. Assignees
/// that are not e-mail addresses, and hosts without templates, get no mail.
/// </summary>
public sealed class TaskAssignedMail(IEnumerable<IMessageTemplates> templates, MailOptions options, ILogger<TaskAssignedMail> logger) : ITaskObserver
{
    public const string Template = "task-assigned";

    public Task OnTaskCreatedAsync(HumanTask task, IWorkflowSession session, CancellationToken ct)
    {
        var renderer = templates.FirstOrDefault();
        if (renderer is null || !LooksLikeAddress(task.Assignee) || !renderer.Names.Contains(Template))
        {
            return Task.CompletedTask;
        }

        var model = new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["title"] = task.Title,
                ["description"] = task.Description,
                ["due"] = task.DueDate is { } due ? Values.FromDate(due) : null,
            },
            // Until the task pages exist (the e-mail link issue), the link leads to the task in the API.
            ["link"] = $"{options.LinkBaseUrl.TrimEnd('/')}/api/tasks/{task.Id}",
        };
        try
        {
            var rendered = renderer.Render(Template, "sv-SE", model);
            var message = new EmailMessage(task.Assignee, rendered.Subject, rendered.TextBody, rendered.HtmlBody, rendered.Language, EmailKind.Required);
            session.Facet<IOutbox>().Enqueue(OutboxMessage.Create(message, task.CreatedAt, task.InstanceId, task.ActivityId));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A template that fails at render time must not stop the workflow: the task stands, the mail is logged as missing.
            logger.LogError(error, "The {Template} mail for task {TaskId} to {Assignee} could not be rendered.", Template, task.Id, task.Assignee);
        }

        return Task.CompletedTask;
    }

    private static bool LooksLikeAddress(string assignee) =>
        assignee.Contains('@', StringComparison.Ordinal) && MimeKit.MailboxAddress.TryParse(assignee, out _);
}
