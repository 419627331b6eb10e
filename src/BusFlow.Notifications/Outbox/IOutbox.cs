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

    /// <summary>The messages of these ids that exist.</summary>
    Task<IReadOnlyList<OutboxMessage>> FindAllAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Whether a pending message is due by <paramref name="dueBy"/>: one indexed read, nothing opened.</summary>
    Task<bool> AnyDueAsync(Instant dueBy, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="max"/> pending messages due by <paramref name="dueBy"/>, oldest due first, held for
    /// this session until it ends so that another session claiming at the same time takes different ones
    /// (none of these); empty when none is free.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(Instant dueBy, int max, CancellationToken ct);

    /// <summary>Messages by status and instance, newest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxQuery query, CancellationToken ct);
}

public sealed record OutboxQuery(OutboxStatus? Status = null, Guid? InstanceId = null, int Take = 100, string? To = null);
