using BusFlow.Notifications.Messages;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// What an outbox message says, as opposed to where and when it goes: the parts that carry links,
/// codes and unsubscribe URLs, which the database holds only sealed (see <see cref="OutboxSeal"/>).
/// </summary>
/// Attachments are sealed with it: a protocol extract names people, and it commits with its message.
public sealed record OutboxContent(string Subject, string TextBody, string HtmlBody, string? CalendarContent, string? UnsubscribeUrl, IReadOnlyList<MailAttachment>? Attachments = null)
{
    /// <summary>In place of content that cannot be opened (sealed with another key, or removed when the outbox was first sealed).</summary>
    public static readonly OutboxContent Unreadable = new("", "", "", null, null);
}
