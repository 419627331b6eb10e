using BusFlow.Accounts.Tokens;
using NodaTime;

namespace BusFlow.Host.Api.Accounts;

public sealed record CreateTokenRequest(string? Name, int? Days, List<string>? Scopes);

/// <summary>A token as listed: never its secret.</summary>
public sealed record TokenResponse(Guid Id, string Name, IReadOnlyList<string> Scopes, Instant CreatedAt, Instant ExpiresAt, Instant? RevokedAt, Instant? LastUsedAt)
{
    public static TokenResponse From(ApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.Name, token.Scopes, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.LastUsedAt);
    }
}

/// <summary>A token just made, with its secret: the only time the secret is shown.</summary>
public sealed record CreatedTokenResponse(TokenResponse Token, string Secret);
