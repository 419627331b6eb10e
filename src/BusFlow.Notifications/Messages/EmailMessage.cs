namespace BusFlow.Notifications.Messages;

/// <summary>
/// A message ready to send: the rendered parts of a template, in one language, with an optional
/// calendar attachment and files. What the outbox stores and the delivery turns into a MIME message.
/// </summary>
public sealed record EmailMessage(
    string To,
    string Subject,
    string TextBody,
    string HtmlBody,
    string Language,
    EmailKind Kind,
    CalendarAttachment? Calendar = null)
{
    /// <summary>For optional mail: the one-click unsubscribe URL (RFC 8058), sent as List-Unsubscribe.</summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>The files the message carries, besides any calendar invitation.</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>The link tokens (task links and codes) in the message, so the outbox can withhold it once they are dead.</summary>
    public IReadOnlyList<Guid> LinkTokenIds { get; init; } = [];
}

public enum EmailKind
{
    /// <summary>Required mail about a person's own task: cannot be turned off.</summary>
    Required,

    /// <summary>Optional mail (digests): carries List-Unsubscribe with one-click POST (RFC 8058).</summary>
    Optional,
}

/// <summary>An iCalendar object (text/calendar) with its METHOD, sent as an alternative part and an attachment.</summary>
public sealed record CalendarAttachment(string Method, string Content, string FileName = "invite.ics");
