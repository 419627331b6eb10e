using BusFlow.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Notifications;

/// <summary>The saved template versions, each question on a context of its own (rendering runs inside other sessions' transactions).</summary>
internal sealed class EfTemplateVersions(IDbContextFactory<BusFlowDbContext> contexts) : ITemplateVersions
{
    public long LatestId()
    {
        using var db = contexts.CreateDbContext();
        return db.TemplateVersions.Max(v => (long?)v.Id) ?? 0;
    }

    public IReadOnlyList<TemplateVersion> Newest()
    {
        using var db = contexts.CreateDbContext();
        return NewestOf(db).ToList();
    }

    public async Task<IReadOnlyList<TemplateVersion>> NewestAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await NewestOf(db).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TemplateVersions.AsNoTracking().Where(v => v.Name == name)
            .OrderByDescending(v => v.Number).ThenBy(v => v.Language).ToListAsync(ct);
    }

    public async Task<TemplateVersion?> FindAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
    }

    public async Task<bool> TryAddAsync(TemplateVersion version, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.TemplateVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException lost) when (db.IsLostRace(lost))
        {
            return false;
        }
    }

    private static IQueryable<TemplateVersion> NewestOf(BusFlowDbContext db) =>
        db.TemplateVersions.AsNoTracking()
            .Where(v => !db.TemplateVersions.Any(newer => newer.Name == v.Name && newer.Language == v.Language && newer.Number > v.Number));
}
