using System.Globalization;

namespace BusFlow.Web.Pages.Instances;

/// <summary>When a pending timer counts as late: due longer ago than <see cref="After"/> (BusFlow:Health:LateTimerAfter, by default 5 minutes).</summary>
public sealed class LateTimerSettings
{
    public const string Key = "BusFlow:Health:LateTimerAfter";

    public static readonly TimeSpan DefaultAfter = TimeSpan.FromMinutes(5);

    public TimeSpan After { get; init; } = DefaultAfter;

    public static LateTimerSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Key] is not { Length: > 0 } configured)
        {
            return new LateTimerSettings();
        }

        return TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var after) && after > TimeSpan.Zero
            ? new LateTimerSettings { After = after }
            : throw new InvalidOperationException($"{Key} '{configured}' is not a positive duration (write it as 00:05:00).");
    }
}
