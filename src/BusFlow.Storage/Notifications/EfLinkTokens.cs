using BusFlow.Notifications.Links;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace BusFlow.Storage.Notifications;

/// <summary>Link tokens on a workflow session's own context and transaction (<c>session.Facet&lt;ILinkTokens&gt;()</c>).</summary>
internal sealed class EfLinkTokens(BusFlowDbContext db, Func<CancellationToken, Task> flush) : ILinkTokens
{
    public void Add(LinkToken token) => db.LinkTokens.Add(token);

    public async Task<IReadOnlyList<LinkToken>> FindAllAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await flush(ct);
        var wanted = ids.Distinct().ToArray();
        return await db.LinkTokens.Where(t => wanted.Contains(t.Id)).ToListAsync(ct);
    }

    public async Task<LinkToken?> FindByHashAsync(string hash, CancellationToken ct)
    {
        await flush(ct);
        return await db.LinkTokens.FirstOrDefaultAsync(t => t.Hash == hash, ct);
    }

    public async Task<LinkToken?> FindLiveAsync(LinkPurpose purpose, string recipient, Guid? taskId, string? subject, Instant now, CancellationToken ct)
    {
        await flush(ct);
        var candidates = await db.LinkTokens
            .Where(t => t.Purpose == purpose && t.Recipient == recipient && t.TaskId == taskId && t.Subject == subject
                        && t.ConsumedAt == null && t.RevokedAt == null)
            .ToListAsync(ct);
        return candidates.Where(t => t.IsLive(now)).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).FirstOrDefault();
    }

    public async Task<IReadOnlyList<LinkToken>> ListForTaskAsync(Guid taskId, CancellationToken ct)
    {
        await flush(ct);
        var tokens = await db.LinkTokens.Where(t => t.TaskId == taskId).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();
    }

    public async Task<IReadOnlyList<LinkToken>> ListLiveForSubjectAsync(LinkPurpose purpose, string subject, Instant now, CancellationToken ct)
    {
        await flush(ct);
        var tokens = await db.LinkTokens
            .Where(t => t.Purpose == purpose && t.Subject == subject && t.ConsumedAt == null && t.RevokedAt == null)
            .ToListAsync(ct);
        return tokens.Where(t => t.IsLive(now)).OrderByDescending(t => t.CreatedAt).ToList();
    }

    public async Task<int> CountWrongConfirmationAsync(Guid taskId, string recipient, int limit, Instant now, CancellationToken ct)
    {
        await flush(ct);
        Instant? withdrawnAt = now;
        // One UPDATE … SET failed_attempts = failed_attempts + 1: the database adds, so concurrent
        // guesses queue on the row lock and none is lost, as a read-modify-write would lose them.
        return await db.LinkTokens
            .Where(t => t.Purpose == LinkPurpose.ConfirmationCode && t.TaskId == taskId && t.Recipient == recipient && t.ConsumedAt == null)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(t => t.RevokedAt, t => t.RevokedAt == null && t.FailedAttempts + 1 >= limit ? withdrawnAt : t.RevokedAt)
                    .SetProperty(t => t.FailedAttempts, t => t.FailedAttempts + 1)
                    .SetProperty(t => t.Version, t => t.Version + 1),
                ct);
    }
}
