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
}
