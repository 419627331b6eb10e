using NodaTime;
using NodaTime.Text;

namespace BusFlow.Host.Api.Agreements;

/// <summary>
/// An instant as the local time of the installation's zone with its offset, e.g.
/// "2026-10-25T02:30:00+01:00": the offset tells apart the hour that occurs twice when the clocks
/// go back in October.
/// </summary>
public static class LocalTimeText
{
    private static readonly OffsetDateTimePattern Pattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public static string Format(Instant instant, DateTimeZone zone) => Pattern.Format(instant.InZone(zone).ToOffsetDateTime());
}
