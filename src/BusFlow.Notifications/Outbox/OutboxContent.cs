namespace BusFlow.Notifications.Outbox;

/// <summary>
/// What an outbox message says, as opposed to where and when it goes: the parts that carry links,
/// codes and unsubscribe URLs, which the database holds only sealed (see <see cref="OutboxSeal"/>).
/// </summary>
public sealed record OutboxContent(string Subject, string TextBody, string HtmlBody, string? CalendarContent, string? UnsubscribeUrl)
{
    /// <summary>In place of content that cannot be opened (sealed with another key, or removed when the outbox was first sealed).</summary>
    public static readonly OutboxContent Unreadable = new("", "", "", null, null);
}
