using BusFlow.Accounts.Tokens;
using Microsoft.EntityFrameworkCore;
using NodaTime;

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

    /// <summary>One column in one UPDATE: a whole-row save of the token as the request read it could undo a revocation made meanwhile.</summary>
    public async Task RecordUseAsync(Guid id, Instant at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, at), ct);
    }

    public async Task<bool> RevokeAsync(Guid id, Instant at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiTokens.Where(t => t.Id == id && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, at), ct) == 1;
    }
}
