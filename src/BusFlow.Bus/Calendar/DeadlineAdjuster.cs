using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Calendar;

/// <summary>
/// Moves a deadline that falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or
/// nyårsafton to the next working day (lag 1930:173), and says why.
/// </summary>
public sealed class DeadlineAdjuster(SwedishWorkingDayCalendar calendar)
{
    public DeadlineAdjuster()
        : this(new SwedishWorkingDayCalendar())
    {
    }

    public Deadline Adjust(LocalDate requested)
    {
        var date = calendar.OnOrNextWorkingDay(requested);
        if (date == requested)
        {
            return new Deadline(date, requested, null);
        }

        // The holiday's name says more than the weekday it happens to fall on.
        return calendar.HolidayOn(requested) is { } holiday
            ? new Deadline(date, requested, holiday.SwedishName, holiday.EnglishName)
            : requested.DayOfWeek switch
            {
                IsoDayOfWeek.Saturday => new Deadline(date, requested, "lördag", "Saturday"),
                IsoDayOfWeek.Sunday => new Deadline(date, requested, "söndag", "Sunday"),
                _ => new Deadline(date, requested, null),
            };
    }
}
