using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace BusFlow.Storage.Model;

/// <summary>
/// Stores an <see cref="Instant"/> as a UTC <see cref="DateTime"/>: <c>timestamptz</c> on PostgreSQL,
/// ISO text on SQLite, where its fixed layout keeps string order equal to time order.
/// </summary>
internal sealed class InstantConverter : ValueConverter<Instant, DateTime>
{
    public InstantConverter()
        : base(
            instant => instant.ToDateTimeUtc(),
            dateTime => Instant.FromDateTimeUtc(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)))
    {
    }
}
