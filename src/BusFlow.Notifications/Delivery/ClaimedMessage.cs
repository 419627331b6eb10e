using BusFlow.Notifications.Outbox;
using NodaTime;

namespace BusFlow.Notifications.Delivery;

/// <summary>A message this node holds: when it was due before the claim, and until when the claim holds it.</summary>
internal sealed record ClaimedMessage(OutboxMessage Message, Instant DueAt, Instant HeldUntil)
{
    /// <summary>The row version the claim committed: a record meets it, or the row changed meanwhile.</summary>
    public int Version { get; } = Message.Version;
}
