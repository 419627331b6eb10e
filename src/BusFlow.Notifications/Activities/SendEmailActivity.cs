using System.Globalization;
using System.Net;
using System.Resources;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Reminders;
using BusFlow.Engine.Runtime;
using BusFlow.Notifications.Activities.Texts;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Templates;

namespace BusFlow.Notifications.Activities;

/// <summary>
/// Puts an email in the outbox, in the transaction of the workflow step: rendered from a template,
/// or from a subject and a plain-text body. Its output is { messageId }. Delivery happens later, and
/// not before the working-day window (08:00–17:00 on a working day) unless the step is urgent.
/// A template's model without a <c>link</c> gets one to the workflow instance in BusFlow
/// (<see cref="MailOptions.LinkBaseUrl"/>), so "read more" never points nowhere. A mail of a workflow
/// that works on an agreement carries the recipient's link to report a shortcoming in it
/// (<see cref="ShortcomingLinks"/>): as <c>report_link</c> in a template's model, or as a footer of a
/// plain-text mail.
/// </summary>
/// <param name="reportLinks">
/// Lazy: the commands that only read definitions (validate, schema) compose the activities without
/// the installation's link key, and never send.
/// </param>
public sealed class SendEmailActivity(IMessageTemplates? templates, MailOptions options, MailLanguages languages, Lazy<ShortcomingLinks?> reportLinks) : ActivityType
{
    protected override ResourceManager DescriptionTexts => Says.Descriptions;

    public const string Swedish = "sv-SE";
    public const string English = "en-GB";

    public override ActivityDescriptor Descriptor { get; } = new("SendEmail", "Puts an email in the outbox, in the same transaction as the step; it is delivered shortly after.",
    [
        new PropertySpec("to", PropertyKind.Expression, DataType.String, Required: true, Description: "The recipient's address."),
        new PropertySpec("template", PropertyKind.Literal, DataType.String, Description: "The name of a message template, e.g. \"task-assigned\"."),
        new PropertySpec("model", PropertyKind.Expression, DataType.Object, Description: "The values the template shows; 'link' defaults to the workflow instance in BusFlow."),
        new PropertySpec("subject", PropertyKind.Expression, DataType.String, Description: "The subject when no template is given; may use {{ references }}."),
        new PropertySpec("body", PropertyKind.Expression, DataType.String, Description: "The plain-text body when no template is given; may use {{ references }}."),
        new PropertySpec("language", PropertyKind.Literal, DataType.String, Description: "sv-SE or en-GB; by default the language of the person the address belongs to, else sv-SE.") { AllowedValues = [Swedish, English] },
        new PropertySpec("kind", PropertyKind.Literal, DataType.String, Description: "required (default: mail about the person's own task) or optional (carries List-Unsubscribe).") { AllowedValues = ["required", "optional"] },
        new PropertySpec("urgent", PropertyKind.Literal, DataType.Boolean, Description: "Send at once, even at night, on a weekend or a holiday. Default: false, and the mail waits for the working-day window (08:00–17:00 on a working day)."),
        new PropertySpec("calendar", PropertyKind.Expression, DataType.Object, Description: "An invitation: { method, content } with an iCalendar object, sent as text/calendar and as an .ics attachment."),
        new PropertySpec("attachments", PropertyKind.Expression, DataType.List, Description: "A file to attach, { fileName, contentType, content (base64) } (e.g. a ProtocolExtract's output), or a list of them. Each is journaled as DocumentSent."),
    ]);

    public override void Validate(ActivityNode node, JsonObject json, ValidationReporter report)
    {
        if (json["template"] is JsonValue template && template.TryGetValue<string>(out var name))
        {
            if (templates is not null && !templates.Names.Contains(name))
            {
                report("template", Says.That(nameof(NotificationTexts.NoSuchTemplate), name, string.Join(", ", templates.Names.Order(StringComparer.Ordinal))));
            }

            return;
        }

        foreach (var property in new[] { "subject", "body" })
        {
            if (json[property] is null)
            {
                report(property, Says.That(nameof(NotificationTexts.RequiredWithoutTemplate), property));
            }
        }
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var to = Values.ToText(context.Evaluate("to", DataType.String));
        if (string.IsNullOrWhiteSpace(to))
        {
            throw ActivityContext.Fail($"'to' of {context.Node.Id} is empty");
        }

        var language = context.Node.Literal<string>("language") ?? await languages.OfAsync(to.Trim(), context.Session, CancellationToken.None);
        var kind = string.Equals(context.Node.Literal<string>("kind"), "optional", StringComparison.OrdinalIgnoreCase) ? EmailKind.Optional : EmailKind.Required;
        var reportLink = reportLinks.Value is { } links ? await links.ForStepAsync(context, to.Trim()) : null;
        var rendered = context.Node.Literal<string>("template") is { } template
            ? Render(context, template, language, reportLink)
            : Plain(context, language, reportLink);
        var attachments = Attachments(context);
        var message = OutboxMessage.Create(
            new EmailMessage(to.Trim(), rendered.Subject, rendered.TextBody, rendered.HtmlBody, rendered.Language, kind, Calendar(context)) { Attachments = attachments },
            context.Now,
            context.InstanceId,
            context.Node.Id);
        if (context.Node.Literal<bool?>("urgent") != true)
        {
            message.NextAttemptAt = ReminderSchedule.NextSendMoment(context.Now, ReminderPolicy.Default, context.Calendar, context.Zone);
        }

        context.Write((session, _) =>
        {
            session.Facet<IOutbox>().Enqueue(message);
            return Task.CompletedTask;
        });
        foreach (var attachment in attachments)
        {
            context.JournalDocumentSent(new DocumentSentPayload(
                message.To, attachment.FileName, attachment.ContentType, attachment.Content.Length, Convert.ToHexStringLower(SHA256.HashData(attachment.Content)), message.Id.ToString()));
        }

        context.Complete(new JsonObject { ["messageId"] = message.Id.ToString() });
    }

    /// <summary>The minimal HTML page of a plain-text body: encoded, paragraphs by blank lines, line breaks kept.</summary>
    public static string HtmlOf(string subject, string text, string language) => HtmlOf(subject, text, language, reportLink: null);

    /// <summary>As <see cref="HtmlOf(string, string, string)"/>, with the report link in a footer when there is one.</summary>
    public static string HtmlOf(string subject, string text, string language, string? reportLink)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Split('-')[0]).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head>\n<body>\n");
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(string.Join("<br>\n", paragraph.Split('\n').Select(WebUtility.HtmlEncode))).Append("</p>\n");
        }

        if (reportLink is not null)
        {
            var (question, action) = ReportFooter(language);
            html.Append("<footer>\n<p>").Append(WebUtility.HtmlEncode(question)).Append(" <a href=\"").Append(WebUtility.HtmlEncode(reportLink)).Append("\">")
                .Append(WebUtility.HtmlEncode(action)).Append("</a>.</p>\n</footer>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The footer's question and the report link's text, in the mail's language (Swedish unless English).</summary>
    private static (string Question, string Action) ReportFooter(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "sv");
        return (NotificationTexts.ResourceManager.GetString(nameof(NotificationTexts.ReportQuestion), culture)!,
            NotificationTexts.ResourceManager.GetString(nameof(NotificationTexts.ReportAction), culture)!);
    }

    private RenderedMessage Render(ActivityContext context, string template, string language, string? reportLink)
    {
        if (templates is null)
        {
            throw ActivityContext.Fail($"{context.Node.Id} asks for the template '{template}', but no message templates are configured");
        }

        var model = (context.Evaluate("model", DataType.Object) as JsonObject)?.DeepClone().AsObject() ?? [];
        // Until the instance pages exist, the link leads to the instance in the API.
        model["link"] ??= $"{options.LinkBaseUrl.TrimEnd('/')}/api/instances/{context.InstanceId}";
        model["report_link"] ??= reportLink;
        try
        {
            return templates.Render(template, language, model);
        }
        catch (KeyNotFoundException)
        {
            throw ActivityContext.Fail($"there is no message template '{template}'");
        }
    }

    private static RenderedMessage Plain(ActivityContext context, string language, string? reportLink)
    {
        var subject = Values.ToText(context.Evaluate("subject", DataType.String));
        var body = Values.ToText(context.Evaluate("body", DataType.String));
        if (string.IsNullOrWhiteSpace(subject))
        {
            throw ActivityContext.Fail($"'subject' of {context.Node.Id} is empty");
        }

        if (reportLink is null)
        {
            return new RenderedMessage(subject, body, HtmlOf(subject, body, language), language);
        }

        var (question, action) = ReportFooter(language);
        var text = $"{body.TrimEnd()}\n\n--\n{question} {action}:\n{reportLink}\n";
        return new RenderedMessage(subject, text, HtmlOf(subject, body, language, reportLink), language);
    }

    private static List<MailAttachment> Attachments(ActivityContext context)
    {
        var items = context.Evaluate("attachments") switch
        {
            null => [],
            JsonArray list => [.. list],
            var single => new List<JsonNode?> { single },
        };
        return [.. items.Select(item =>
        {
            var fileName = item?["fileName"] is { } f ? Values.ToText(f).Trim() : "";
            var contentType = item?["contentType"] is { } t ? Values.ToText(t).Trim() : "";
            var content = item?["content"] is { } c ? Values.ToText(c) : "";
            if (fileName.Length == 0 || contentType.Length == 0 || content.Length == 0)
            {
                throw ActivityContext.Fail($"each of 'attachments' of {context.Node.Id} needs a fileName, a contentType and a content (base64)");
            }

            try
            {
                return new MailAttachment(fileName, contentType, Convert.FromBase64String(content));
            }
            catch (FormatException)
            {
                throw ActivityContext.Fail($"the content of the attachment '{fileName}' of {context.Node.Id} is not base64");
            }
        })];
    }

    private static CalendarAttachment? Calendar(ActivityContext context)
    {
        if (context.Evaluate("calendar", DataType.Object) is not JsonObject calendar)
        {
            return null;
        }

        var method = calendar["method"] is { } m ? Values.ToText(m) : "";
        var content = calendar["content"] is { } c ? Values.ToText(c) : "";
        return string.IsNullOrWhiteSpace(method) || string.IsNullOrWhiteSpace(content)
            ? throw ActivityContext.Fail($"'calendar' of {context.Node.Id} needs a method (e.g. REQUEST) and content (an iCalendar object)")
            : new CalendarAttachment(method.Trim().ToUpperInvariant(), content);
    }
}
