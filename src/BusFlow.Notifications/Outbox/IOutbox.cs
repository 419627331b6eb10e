using NodaTime;

namespace BusFlow.Notifications.Outbox;

/// <summary>
/// The outbox in the workflow's own transaction, obtained from a workflow session
/// (<c>session.Facet&lt;IOutbox&gt;()</c>): a message enqueued here is committed with the step that
/// wrote it, or not at all. Queries see the session's own pending changes; entities returned are
/// tracked and their changes saved on commit.
/// </summary>
public interface IOutbox
{
    void Enqueue(OutboxMessage message);

    Task<OutboxMessage?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Whether a message with this once-only key is in the outbox already.</summary>
    Task<bool> ContainsKeyAsync(string dedupeKey, CancellationToken ct);

    /// <summary>Pending messages whose next attempt is due by <paramref name="dueBy"/>, oldest due first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListDueAsync(Instant dueBy, int max, CancellationToken ct);

    /// <summary>
    /// The next pending message due by <paramref name="dueBy"/>, held for this session until it ends so that
    /// another session claiming at the same time takes a different one; null when none is free.
    /// </summary>
    Task<OutboxMessage?> ClaimNextDueAsync(Instant dueBy, CancellationToken ct);

    /// <summary>Messages by status and instance, newest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxQuery query, CancellationToken ct);
}

public sealed record OutboxQuery(OutboxStatus? Status = null, Guid? InstanceId = null, int Take = 100, string? To = null);
