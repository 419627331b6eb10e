namespace BusFlow.Accounts.Setup;

/// <summary>Where setup links are kept.</summary>
public interface ISetupLinks
{
    Task AddAsync(SetupLink link, CancellationToken ct);

    Task<SetupLink?> FindByHashAsync(string hash, CancellationToken ct);

    /// <summary>Marks the link used, once: false when another request used it first.</summary>
    Task<bool> TryUseAsync(Guid id, NodaTime.Instant at, CancellationToken ct);
}
