using BusFlow.Accounts;
using BusFlow.Accounts.Tokens;
using BusFlow.Storage.Accounts;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Storage.Tests.Accounts;

/// <summary>The token store under the two writes that meet on a token in use: its use being recorded, and its revocation.</summary>
public sealed class ApiTokenStoreTests
{
    private static readonly Instant Made = Instant.FromUtc(2026, 5, 4, 7, 30);

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Recording_a_use_does_not_undo_a_revocation_made_after_the_request_read_the_token(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = await TokenStoreAsync(database);
        var token = await AddTokenAsync(database, store);
        var seenByRequest = (await store.FindByHashAsync(token.Hash, default))!;

        Assert.True(await store.RevokeAsync(token.Id, Made + Duration.FromMinutes(10), default));
        await store.RecordUseAsync(seenByRequest.Id, Made + Duration.FromMinutes(10), default);

        var saved = (await store.FindAsync(token.Id, default))!;
        Assert.Equal(Made + Duration.FromMinutes(10), saved.RevokedAt);
        Assert.Equal(Made + Duration.FromMinutes(10), saved.LastUsedAt);
        Assert.False(saved.IsLive(Made + Duration.FromMinutes(11)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Revoking_a_revoked_token_again_keeps_the_time_of_its_first_revocation(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = await TokenStoreAsync(database);
        var token = await AddTokenAsync(database, store);

        var first = await store.RevokeAsync(token.Id, Made + Duration.FromMinutes(10), default);
        var second = await store.RevokeAsync(token.Id, Made + Duration.FromMinutes(20), default);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(Made + Duration.FromMinutes(10), (await store.FindAsync(token.Id, default))!.RevokedAt);
    }

    private static async Task<IApiTokenStore> TokenStoreAsync(TestDatabase database)
    {
        await database.CreateStoreAsync();
        return database.BuildServices(s => s.AddBusFlowAccountStorage()).GetRequiredService<IApiTokenStore>();
    }

    /// <summary>A token of a new account (a token belongs to an account in the database).</summary>
    private static async Task<ApiToken> AddTokenAsync(TestDatabase database, IApiTokenStore store)
    {
        var contexts = database.BuildServices().GetRequiredService<IDbContextFactory<BusFlowDbContext>>();
        var user = new BusFlowUser { UserName = "anna@exempelby.test", Email = "anna@exempelby.test", CreatedAt = Made };
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            Name = "Skript",
            Hash = Secrets.Hash(Secrets.New(ApiTokenScopes.SecretPrefix)),
            Scopes = [ApiTokenScopes.Read],
            CreatedAt = Made,
            ExpiresAt = Made + Duration.FromDays(30),
        };
        await store.AddAsync(token, default);
        return token;
    }
}
