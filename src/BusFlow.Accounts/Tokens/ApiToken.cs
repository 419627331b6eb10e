using NodaTime;

namespace BusFlow.Accounts.Tokens;

/// <summary>
/// A personal API token of an account, sent as <c>Authorization: Bearer</c> by a machine client. The
/// secret is shown once when the token is made; only its hash is stored. It acts with its account's
/// roles, narrowed to its scopes, until it expires or is revoked.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret, base64url.</summary>
    public required string Hash { get; set; }

    /// <summary>What the token may do: <see cref="ApiTokenScopes.Read"/>, and <see cref="ApiTokenScopes.Write"/> when it may change things.</summary>
    public required List<string> Scopes { get; set; }

    public Instant CreatedAt { get; set; }
    public Instant ExpiresAt { get; set; }
    public Instant? RevokedAt { get; set; }
    public Instant? LastUsedAt { get; set; }

    public bool IsLive(Instant now) => RevokedAt is null && ExpiresAt > now;
}
