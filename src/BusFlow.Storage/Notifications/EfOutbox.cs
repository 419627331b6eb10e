using BusFlow.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace BusFlow.Storage.Notifications;

/// <summary>
/// The outbox on a workflow session's own context and transaction, handed out by
/// <c>session.Facet&lt;IOutbox&gt;()</c>: a message enqueued here commits (or rolls back) with the
/// session. Each query first writes the session's pending changes, as the session's own do. A
/// message's content is sealed as it is enqueued and opened as it is read, so the database never
/// holds it in clear.
/// </summary>
internal sealed class EfOutbox(BusFlowDbContext db, Func<CancellationToken, Task> flush, OutboxSeal? seal) : IOutbox
{
    private OutboxSeal Seal => seal ?? throw new InvalidOperationException(
        "The outbox seals its mail with a key derived from the installation's link key: register a LinkKey and AddBusFlowNotifications.");

    /// <summary>How many messages this session put in the outbox.</summary>
    public int Enqueued { get; private set; }

    public void Enqueue(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SealedContent = Seal.Seal(message.Id, message.Content);
        db.Outbox.Add(message);
        Enqueued++;
    }

    public async Task<OutboxMessage?> FindAsync(Guid id, CancellationToken ct)
    {
        await flush(ct);
        return Opened(await db.Outbox.FirstOrDefaultAsync(m => m.Id == id, ct));
    }

    public async Task<IReadOnlyList<OutboxMessage>> FindAllAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await flush(ct);
        return Opened(await db.Outbox.Where(m => ids.Contains(m.Id)).ToListAsync(ct));
    }

    public async Task<bool> AnyDueAsync(Instant dueBy, CancellationToken ct)
    {
        await flush(ct);
        return await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= dueBy, ct);
    }

    public async Task<bool> ContainsKeyAsync(string dedupeKey, CancellationToken ct)
    {
        await flush(ct);
        return await db.Outbox.AnyAsync(m => m.DedupeKey == dedupeKey, ct);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListDueAsync(Instant dueBy, int max, CancellationToken ct)
    {
        await flush(ct);
        return Opened(await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= dueBy)
            .OrderBy(m => m.NextAttemptAt)
            .ThenBy(m => m.Id)
            .Take(max)
            .ToListAsync(ct));
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(Instant dueBy, int max, CancellationToken ct)
    {
        await flush(ct);
        var ids = await db.ClaimDueMessageIdsAsync(dueBy, max, ct);
        if (ids.Count == 0)
        {
            return [];
        }

        var claimed = await db.Outbox.Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        return Opened([.. claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)]);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxQuery query, CancellationToken ct)
    {
        await flush(ct);
        var messages = db.Outbox.AsQueryable();
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        if (query.InstanceId is { } instanceId)
        {
            messages = messages.Where(m => m.InstanceId == instanceId);
        }

        if (query.To is { } to)
        {
            messages = messages.Where(m => m.To == to);
        }

        return Opened(await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(query.Take).ToListAsync(ct));
    }

    private List<OutboxMessage> Opened(List<OutboxMessage> messages)
    {
        messages.ForEach(m => Opened(m));
        return messages;
    }

    private OutboxMessage? Opened(OutboxMessage? message)
    {
        message?.Fill(Seal.TryOpen(message.Id, message.SealedContent));
        return message;
    }
}
