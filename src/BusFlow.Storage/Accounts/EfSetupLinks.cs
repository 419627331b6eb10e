using BusFlow.Accounts.Setup;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace BusFlow.Storage.Accounts;

internal sealed class EfSetupLinks(IDbContextFactory<BusFlowDbContext> contexts) : ISetupLinks
{
    public async Task AddAsync(SetupLink link, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.SetupLinks.Add(link);
        await db.SaveChangesAsync(ct);
    }

    public async Task<SetupLink?> FindByHashAsync(string hash, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SetupLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Hash == hash, ct);
    }

    /// <summary>One conditional UPDATE, so two requests racing with the same link cannot both use it.</summary>
    public async Task<bool> TryUseAsync(Guid id, Instant at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var used = await db.SetupLinks.Where(l => l.Id == id && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, at), ct);
        return used == 1;
    }
}
