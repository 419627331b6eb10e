using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace BusFlow.Storage.Bus;

/// <summary>Stores a <see cref="LocalTime"/> as a <see cref="TimeOnly"/>: <c>time</c> on PostgreSQL, text on SQLite.</summary>
internal sealed class LocalTimeConverter : ValueConverter<LocalTime, TimeOnly>
{
    public LocalTimeConverter()
        : base(time => time.ToTimeOnly(), time => LocalTime.FromTimeOnly(time))
    {
    }
}
