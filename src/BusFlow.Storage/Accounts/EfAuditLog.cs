using BusFlow.Accounts.Audit;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Accounts;

internal sealed class EfAuditLog(IDbContextFactory<BusFlowDbContext> contexts) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lines = db.AuditLog.AsNoTracking();
        if (query.Actor is { Length: > 0 } actor)
        {
            lines = lines.Where(a => a.Actor == actor);
        }

        if (query.Action is { Length: > 0 } action)
        {
            lines = lines.Where(a => a.Action == action);
        }

        if (query.From is { } from)
        {
            lines = lines.Where(a => a.At >= from);
        }

        if (query.Until is { } until)
        {
            lines = lines.Where(a => a.At < until);
        }

        return await lines.OrderByDescending(a => a.Id).Take(query.Take).ToListAsync(ct);
    }
}
