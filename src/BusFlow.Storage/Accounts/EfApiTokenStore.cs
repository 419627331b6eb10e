using BusFlow.Accounts.Tokens;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Accounts;

internal sealed class EfApiTokenStore(IDbContextFactory<BusFlowDbContext> contexts) : IApiTokenStore
{
    public async Task AddAsync(ApiToken token, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
    }

    public async Task<ApiToken?> FindByHashAsync(string hash, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, ct);
    }

    public async Task<ApiToken?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
    }

    public async Task<IReadOnlyList<ApiToken>> ListOfAsync(string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(ct);
        return [.. tokens.OrderByDescending(t => t.CreatedAt)];
    }

    public async Task UpdateAsync(ApiToken token, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ApiTokens.Update(token);
        await db.SaveChangesAsync(ct);
    }
}
