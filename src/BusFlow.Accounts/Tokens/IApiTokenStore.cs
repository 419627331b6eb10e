namespace BusFlow.Accounts.Tokens;

/// <summary>Where personal API tokens are kept.</summary>
public interface IApiTokenStore
{
    Task AddAsync(ApiToken token, CancellationToken ct);

    Task<ApiToken?> FindByHashAsync(string hash, CancellationToken ct);

    Task<IReadOnlyList<ApiToken>> ListOfAsync(string userId, CancellationToken ct);

    Task<ApiToken?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Writes when the token was last used, and nothing else: a request that read the token before it was
    /// revoked must not write the revocation back out.
    /// </summary>
    Task RecordUseAsync(Guid id, NodaTime.Instant at, CancellationToken ct);

    /// <summary>Revokes the token unless it is revoked already (then its first revocation stands): false in that case.</summary>
    Task<bool> RevokeAsync(Guid id, NodaTime.Instant at, CancellationToken ct);
}
