using NodaTime;

namespace BusFlow.Engine.Time;

public sealed class EngineOptions
{
    /// <summary>The zone in which local dates and times of definitions are read; never UTC by accident.</summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    /// <summary>How many times an operation is retried when another transaction won a race for the same instance.</summary>
    public int ConcurrencyRetries { get; init; } = 8;
}
