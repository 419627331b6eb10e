using NodaTime;

namespace BusFlow.Accounts.Setup;

/// <summary>
/// The one-time link that creates the first administrator: printed on a start with no administrator,
/// valid 24 hours, used once; only its hash is stored.
/// </summary>
public sealed class SetupLink
{
    public static readonly Duration Lifetime = Duration.FromHours(24);

    public const string SecretPrefix = "bfs_";

    public Guid Id { get; set; }
    public required string Hash { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant ExpiresAt { get; set; }
    public Instant? UsedAt { get; set; }

    public bool IsLive(Instant now) => UsedAt is null && ExpiresAt > now;
}
