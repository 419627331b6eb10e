using System.Globalization;

namespace BusFlow.Host.Api.Health;

/// <summary>The "BusFlow:Health" thresholds of readiness (the late-timer one is LateTimerSettings').</summary>
public sealed class HealthSettings
{
    public const string CheckTimeoutKey = "BusFlow:Health:CheckTimeout";
    public const string OutboxStuckAfterKey = "BusFlow:Health:OutboxStuckAfter";

    public static readonly TimeSpan DefaultCheckTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan DefaultOutboxStuckAfter = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a check may wait for the database: a database that hangs makes readiness say "not ready"
    /// after this long rather than after the driver's own timeouts (15–30 s), which a load balancer would not wait for.
    /// </summary>
    public TimeSpan CheckTimeout { get; init; } = DefaultCheckTimeout;

    /// <summary>How long past due the oldest pending outbox message may be before the outbox counts as stuck.</summary>
    public TimeSpan OutboxStuckAfter { get; init; } = DefaultOutboxStuckAfter;

    public static HealthSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new HealthSettings
        {
            CheckTimeout = Duration(configuration, CheckTimeoutKey, DefaultCheckTimeout),
            OutboxStuckAfter = Duration(configuration, OutboxStuckAfterKey, DefaultOutboxStuckAfter),
        };
    }

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        if (configuration[key] is not { Length: > 0 } configured)
        {
            return fallback;
        }

        return TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new InvalidOperationException($"{key} '{configured}' is not a positive duration (write it as 00:00:03).");
    }
}
