using NodaTime;
using NodaTime.TimeZones;

namespace BusFlow.Bus.Calendar;

/// <summary>
/// Local time in Sweden (Europe/Stockholm), with its daylight-saving changes: the last Sunday of
/// March has 23 hours, the last Sunday of October 25.
/// </summary>
public static class StockholmTime
{
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    /// <summary>
    /// The instant of a local date and time. A time skipped in spring moves forward by the gap
    /// (02:30 becomes 03:30); a time that occurs twice in autumn is the earlier one.
    /// </summary>
    public static Instant At(LocalDate date, LocalTime time) => date.At(time).InZone(Zone, Resolvers.LenientResolver).ToInstant();

    /// <summary>Whether a local date and time occurs at all: 02:30 on the day clocks go forward does not.</summary>
    public static bool Exists(LocalDateTime local) => Zone.MapLocal(local).Count > 0;

    /// <summary>How long a local day lasts: 24 hours, except on the days the clocks change.</summary>
    public static Duration LengthOf(LocalDate date) =>
        Zone.AtStartOfDay(date.PlusDays(1)).ToInstant() - Zone.AtStartOfDay(date).ToInstant();
}
