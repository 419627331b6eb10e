using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Templates;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// Renders a mail about a task and puts it in the outbox of the transaction at hand, carrying the
/// link's tokens. A template that fails at render time must not stop the workflow step that sends it:
/// the step stands, and the mail is logged as missing.
/// </summary>
internal static class TaskMailOutbox
{
    /// <param name="language">The recipient's language (<see cref="MailLanguages"/>).</param>
    /// <param name="sendFrom">When the mail may first go out (a reminder waits for its window); now when none.</param>
    /// <returns>Whether the mail is in the outbox.</returns>
    public static bool TryEnqueue(
        IMessageTemplates renderer, string template, string language, JsonObject model, string to, TaskLink link, HumanTask task,
        Instant at, IWorkflowSession session, ILogger logger, Instant? sendFrom = null)
    {
        try
        {
            var rendered = renderer.Render(template, language, model);
            var message = OutboxMessage.Create(
                new EmailMessage(to, rendered.Subject, rendered.TextBody, rendered.HtmlBody, rendered.Language, EmailKind.Required)
                {
                    LinkTokenIds = link.TokenIds,
                },
                at,
                task.InstanceId,
                task.ActivityId);
            if (sendFrom is { } from)
            {
                message.NextAttemptAt = from;
            }

            session.Facet<IOutbox>().Enqueue(message);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "The {Template} mail for task {TaskId} to {Recipient} could not be rendered.", template, task.Id, to);
            return false;
        }
    }
}
