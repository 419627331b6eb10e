using System.Globalization;
using Fluid;
using Fluid.Values;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Notifications.Templates;

/// <summary>
/// The filters BusFlow adds to Liquid:
/// <c>local_date</c> writes an ISO date ("2026-04-15") or instant ("2026-04-15T08:00:00Z") as
/// "15 april 2026" / "15 April 2026" in the template's language, the instant's date taken in the
/// local zone; <c>local_time</c> writes an instant as "HH:mm" in the local zone (Europe/Stockholm).
/// A value that is not a date is written as it is; nil stays nil.
/// </summary>
public static class TemplateFilters
{
    public const string LocalDate = "local_date";
    public const string LocalTime = "local_time";

    public static void Register(FilterCollection filters, DateTimeZone zone)
    {
        filters.AddFilter(LocalDate, (input, _, context) => new ValueTask<FluidValue>(FormatDate(input, zone, context.CultureInfo)));
        filters.AddFilter(LocalTime, (input, _, context) => new ValueTask<FluidValue>(FormatTime(input, zone, context.CultureInfo)));
    }

    private static FluidValue FormatDate(FluidValue input, DateTimeZone zone, CultureInfo culture)
    {
        if (input.IsNil())
        {
            return NilValue.Instance;
        }

        var local = ToLocal(input, zone);
        return local is { } value
            ? new StringValue(value.Date.ToString("d MMMM yyyy", culture))
            : input;
    }

    private static FluidValue FormatTime(FluidValue input, DateTimeZone zone, CultureInfo culture)
    {
        if (input.IsNil())
        {
            return NilValue.Instance;
        }

        // A bare date has no time of day: it is written unchanged rather than as "00:00".
        var local = ToLocal(input, zone);
        return local is { HasTime: true } value
            ? new StringValue(value.DateTime.TimeOfDay.ToString("HH:mm", culture))
            : input;
    }

    // "2026-04-15T10:00" and "2026-04-15T10:00+02:00": ISO 8601 without seconds.
    private static readonly LocalDateTimePattern LocalDateTimeToMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly OffsetDateTimePattern OffsetDateTimeToMinutes = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>");

    private readonly record struct Local(LocalDateTime DateTime, bool HasTime)
    {
        public LocalDate Date => DateTime.Date;
    }

    private static Local? ToLocal(FluidValue input, DateTimeZone zone)
    {
        if (input.Type == FluidValues.DateTime && input.ToObjectValue() is DateTimeOffset offset)
        {
            return new Local(Instant.FromDateTimeOffset(offset).InZone(zone).LocalDateTime, true);
        }

        var text = input.ToStringValue().Trim();
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            return new Local(date.Value.AtMidnight(), false);
        }

        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return new Local(instant.Value.InZone(zone).LocalDateTime, true);
        }

        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } offsetDateTime)
        {
            return new Local(offsetDateTime.Value.ToInstant().InZone(zone).LocalDateTime, true);
        }

        if (OffsetDateTimeToMinutes.Parse(text) is { Success: true } offsetToMinutes)
        {
            return new Local(offsetToMinutes.Value.ToInstant().InZone(zone).LocalDateTime, true);
        }

        // A date and time without offset is already local.
        if (LocalDateTimePattern.ExtendedIso.Parse(text) is { Success: true } localDateTime)
        {
            return new Local(localDateTime.Value, true);
        }

        if (LocalDateTimeToMinutes.Parse(text) is { Success: true } localToMinutes)
        {
            return new Local(localToMinutes.Value, true);
        }

        return null;
    }
}
