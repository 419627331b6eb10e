using System.Text;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using MimeKit;
using NodaTime;

namespace BusFlow.Notifications.Delivery;

/// <summary>
/// Turns an outbox message into the MIME message that is sent: multipart/alternative with the text
/// and the HTML (and, with an invitation, a text/calendar part plus an .ics attachment; with files, each as an attachment), UTF-8
/// headers, and a Message-ID derived from the outbox id, so that every attempt carries the same one.
/// </summary>
public sealed class MimeMessageBuilder(MailOptions options)
{
    public const string OneClickUnsubscribe = "List-Unsubscribe=One-Click";

    /// <summary>The Message-ID of an outbox message, without angle brackets: "{id}@{domain of From}".</summary>
    public string MessageIdOf(Guid outboxId) => $"{outboxId}@{Domain(options.FromAddress.Address)}";

    /// <exception cref="ParseException">The recipient is not an address.</exception>
    public MimeMessage Build(OutboxMessage outbox, Instant date)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var message = new MimeMessage();
        message.From.Add(WithUtf8(options.FromAddress));
        if (options.ReplyTo is { Length: > 0 } replyTo)
        {
            message.ReplyTo.Add(WithUtf8(MailboxAddress.Parse(replyTo)));
        }

        message.To.Add(WithUtf8(MailboxAddress.Parse(outbox.To)));
        message.Headers.Replace(HeaderId.Subject, Encoding.UTF8, outbox.Subject);
        message.Date = date.ToDateTimeOffset();
        message.MessageId = MessageIdOf(outbox.Id);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (options.ListId is { Length: > 0 } listId)
        {
            message.Headers.Add(HeaderId.ListId, $"<{listId}>");
        }

        if (outbox.Kind == EmailKind.Optional && outbox.UnsubscribeUrl is { Length: > 0 } unsubscribe)
        {
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", OneClickUnsubscribe);
        }

        message.Body = Body(outbox);
        // A Content-* header belongs to the top-level entity, not to the message headers.
        message.Body.Headers.Add(HeaderId.ContentLanguage, outbox.Language);
        return message;
    }

    private static MimeEntity Body(OutboxMessage outbox)
    {
        var alternative = new MultipartAlternative
        {
            Text("plain", outbox.TextBody),
            Text("html", outbox.HtmlBody),
        };
        var files = outbox.Attachments.Select(a => Attachment(a.ContentType, a.Content, a.FileName)).ToList();
        if (outbox.CalendarMethod is { } method && outbox.CalendarContent is { } content)
        {
            var calendar = Text("calendar", content);
            calendar.ContentType.Parameters.Add("method", method);
            alternative.Add(calendar);
            files.Insert(0, Attachment("application/ics", Encoding.UTF8.GetBytes(content), new CalendarAttachment(method, content).FileName));
        }

        if (files.Count == 0)
        {
            return alternative;
        }

        var mixed = new Multipart("mixed") { alternative };
        files.ForEach(mixed.Add);
        return mixed;
    }

    // A name with å, ä, ö or § is written as RFC 2231 says (MimeKit's default), which current clients read.
    private static MimePart Attachment(string contentType, byte[] content, string fileName) => new(ContentType.Parse(contentType))
    {
        Content = new MimeContent(new MemoryStream(content)),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = fileName,
    };

    private static TextPart Text(string subtype, string text)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    private static MailboxAddress WithUtf8(MailboxAddress address) => new(Encoding.UTF8, address.Name, address.Address);

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];
}
