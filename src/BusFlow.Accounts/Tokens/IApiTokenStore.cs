namespace BusFlow.Accounts.Tokens;

/// <summary>Where personal API tokens are kept.</summary>
public interface IApiTokenStore
{
    Task AddAsync(ApiToken token, CancellationToken ct);

    Task<ApiToken?> FindByHashAsync(string hash, CancellationToken ct);

    Task<IReadOnlyList<ApiToken>> ListOfAsync(string userId, CancellationToken ct);

    Task<ApiToken?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Saves a changed token (revoked, used).</summary>
    Task UpdateAsync(ApiToken token, CancellationToken ct);
}
