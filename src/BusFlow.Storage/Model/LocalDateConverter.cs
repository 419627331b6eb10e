using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace BusFlow.Storage.Model;

/// <summary>Stores a <see cref="LocalDate"/> as a <see cref="DateOnly"/>: <c>date</c> on PostgreSQL.</summary>
internal sealed class LocalDateConverter : ValueConverter<LocalDate, DateOnly>
{
    public LocalDateConverter()
        : base(date => date.ToDateOnly(), date => LocalDate.FromDateOnly(date))
    {
    }
}
