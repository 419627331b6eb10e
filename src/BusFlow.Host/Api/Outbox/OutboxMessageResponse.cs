using BusFlow.Notifications.Outbox;
using NodaTime;

namespace BusFlow.Host.Api.Outbox;

/// <summary>An email in the outbox and how its delivery went.</summary>
public sealed record OutboxMessageResponse(
    Guid Id,
    string To,
    string Subject,
    OutboxStatus Status,
    int Attempts,
    Instant CreatedAt,
    Instant? SentAt,
    string? ServerReply,
    string? FailureReason)
{
    public static OutboxMessageResponse From(OutboxMessage message) =>
        new(message.Id, message.To, message.Subject, message.Status, message.Attempts, message.CreatedAt, message.SentAt,
            message.ServerReply, message.FailureReason);
}
