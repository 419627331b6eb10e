using BusFlow.Accounts;
using BusFlow.Accounts.Tokens;
using NodaTime;

namespace BusFlow.Web.Accounts;

/// <summary>Makes and revokes personal API tokens; the secret of a new one is returned once and only its hash kept.</summary>
public sealed class ApiTokenIssuer(IApiTokenStore tokens, IClock clock)
{
    public const int MaxDays = 365;

    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name, int days, IEnumerable<string>? scopes, CancellationToken ct)
    {
        var checkedScopes = ApiTokenScopes.Normalize(scopes) ?? throw new ArgumentException($"Scopes are {string.Join(", ", ApiTokenScopes.All)}.", nameof(scopes));
        var now = clock.GetCurrentInstant();
        var secret = Secrets.New(ApiTokenScopes.SecretPrefix);
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name.Trim(),
            Hash = Secrets.Hash(secret),
            Scopes = checkedScopes,
            CreatedAt = now,
            ExpiresAt = now + Duration.FromDays(Math.Clamp(days, 1, MaxDays)),
        };
        await tokens.AddAsync(token, ct);
        return (token, secret);
    }

    /// <summary>Revokes one of the account's own tokens; null when it has no such token, the token as it now is otherwise.</summary>
    public async Task<ApiToken?> RevokeAsync(string userId, Guid tokenId, CancellationToken ct)
    {
        if (await tokens.FindAsync(tokenId, ct) is not { } token || token.UserId != userId)
        {
            return null;
        }

        if (token.RevokedAt is null)
        {
            await tokens.RevokeAsync(token.Id, clock.GetCurrentInstant(), ct);
        }

        return await tokens.FindAsync(token.Id, ct);
    }
}
