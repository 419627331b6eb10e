using BusFlow.Notifications.Messages;
using NodaTime;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// One email in the outbox: written in the transaction of the workflow step that asks for it, then
/// delivered by <see cref="Delivery.OutboxDelivery"/>. Every change of state advances
/// <see cref="Version"/>, the row's concurrency token, so two nodes never claim the same attempt.
/// The content (subject, bodies, calendar, unsubscribe URL) is clear in memory and stored only as
/// <see cref="SealedContent"/>: the outbox seals it when a message is enqueued and opens it when one is read.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>"sv-SE" or "en-GB".</summary>
    public required string Language { get; set; }

    public EmailKind Kind { get; set; }

    /// <summary>The iCalendar METHOD (REQUEST, CANCEL, …) when the message carries an invitation.</summary>
    public string? CalendarMethod { get; set; }

    /// <summary>The iCalendar object (text/calendar) when the message carries an invitation.</summary>
    public string? CalendarContent { get; set; }

    /// <summary>The files the message carries (sealed with the content).</summary>
    public List<MailAttachment> Attachments { get; set; } = [];

    public OutboxStatus Status { get; set; }

    /// <summary>How many times a node has claimed the message to send it.</summary>
    public int Attempts { get; set; }

    /// <summary>When the message may be tried (again); while a node sends it, the end of its claim.</summary>
    public Instant NextAttemptAt { get; set; }

    public Instant CreatedAt { get; set; }
    public Instant? SentAt { get; set; }

    /// <summary>The server's last reply (e.g. "250 2.0.0 Ok: queued as …"), or where Folder mode wrote the file.</summary>
    public string? ServerReply { get; set; }

    /// <summary>Why the last attempt failed, or why the message was given up.</summary>
    public string? FailureReason { get; set; }

    /// <summary>The workflow instance whose step wrote the message, if any.</summary>
    public Guid? InstanceId { get; set; }

    public string? ActivityId { get; set; }

    /// <summary>
    /// A key that makes the message once-only (e.g. "digest:anna@exempelby.test:2026-W48"): the
    /// outbox holds at most one message per key, so two nodes making the same digest send one.
    /// </summary>
    public string? DedupeKey { get; set; }

    /// <summary>For optional mail: where one click unsubscribes (List-Unsubscribe, RFC 8058).</summary>
    public string? UnsubscribeUrl { get; set; }

    /// <summary>The content as the database holds it: sealed with a key that is not in the database (<see cref="OutboxSeal"/>).</summary>
    public string SealedContent { get; set; } = "";

    /// <summary>
    /// The link tokens (task links and codes) the message carries: if one of them is dead by the time
    /// the message would go out, or its task is closed, the message is withdrawn instead of sent.
    /// </summary>
    public List<Guid> LinkTokenIds { get; set; } = [];

    /// <summary>False when the stored content could not be opened (another key); such a message cannot be sent.</summary>
    public bool IsReadable { get; private set; } = true;

    public int Version { get; set; }

    /// <summary>A pending message, due at once.</summary>
    public static OutboxMessage Create(EmailMessage message, Instant now, Guid? instanceId = null, string? activityId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Language = message.Language,
            Kind = message.Kind,
            CalendarMethod = message.Calendar?.Method,
            CalendarContent = message.Calendar?.Content,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
            InstanceId = instanceId,
            ActivityId = activityId,
            UnsubscribeUrl = message.UnsubscribeUrl,
            LinkTokenIds = [.. message.LinkTokenIds],
            Attachments = [.. message.Attachments],
        };
    }

    /// <summary>The parts that are stored sealed.</summary>
    public OutboxContent Content => new(Subject, TextBody, HtmlBody, CalendarContent, UnsubscribeUrl, Attachments.Count > 0 ? Attachments : null);

    /// <summary>Puts the opened content in place; null when it could not be opened.</summary>
    public void Fill(OutboxContent? content)
    {
        IsReadable = content is not null;
        var parts = content ?? OutboxContent.Unreadable;
        Subject = parts.Subject;
        TextBody = parts.TextBody;
        HtmlBody = parts.HtmlBody;
        CalendarContent = parts.CalendarContent;
        UnsubscribeUrl = parts.UnsubscribeUrl;
        Attachments = [.. parts.Attachments ?? []];
    }

    public EmailMessage ToEmailMessage() =>
        new(To, Subject, TextBody, HtmlBody, Language, Kind,
            CalendarMethod is { } method && CalendarContent is { } content ? new CalendarAttachment(method, content) : null)
        {
            UnsubscribeUrl = UnsubscribeUrl,
            Attachments = [.. Attachments],
        };

    /// <summary>Whether a node may claim the message now.</summary>
    public bool IsDue(Instant now) => Status == OutboxStatus.Pending && NextAttemptAt <= now;

    /// <summary>
    /// Marks an attempt: counts it and holds the message until <paramref name="claimUntil"/>, so that
    /// no other node takes it meanwhile; a node that dies while sending leaves it to be tried then.
    /// </summary>
    public void Claim(Instant claimUntil)
    {
        Attempts++;
        NextAttemptAt = claimUntil;
        Version++;
    }

    /// <summary>
    /// Hands back a claim whose message was not tried (its node stopped before it): the attempt is not counted,
    /// and the message is due again at <paramref name="dueAt"/>, when it was due before the claim.
    /// </summary>
    public void Unclaim(Instant dueAt)
    {
        Attempts--;
        NextAttemptAt = dueAt;
        Version++;
    }

    public void MarkSent(Instant sentAt, string serverReply)
    {
        Status = OutboxStatus.Sent;
        SentAt = sentAt;
        ServerReply = serverReply;
        FailureReason = null;
        Version++;
    }

    /// <summary>A temporary failure: the message stays pending and is tried again at <paramref name="nextAttemptAt"/>.</summary>
    public void MarkRetry(Instant nextAttemptAt, string reason, string? serverReply)
    {
        NextAttemptAt = nextAttemptAt;
        FailureReason = reason;
        ServerReply = serverReply;
        Version++;
    }

    /// <summary>A permanent failure, or too many temporary ones: the message is not tried again.</summary>
    public void MarkFailed(string reason, string? serverReply)
    {
        Status = OutboxStatus.Failed;
        FailureReason = reason;
        ServerReply = serverReply;
        Version++;
    }

    /// <summary>Not sent, and not to be: a link it carries is dead, or its task closed, before it went out.</summary>
    public void MarkWithdrawn(string reason)
    {
        Status = OutboxStatus.Withdrawn;
        FailureReason = reason;
        Version++;
    }
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>Not sent because what it links to was answered, cancelled or expired before it went out.</summary>
    Withdrawn = 3,
}
