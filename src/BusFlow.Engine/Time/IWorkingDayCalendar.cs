using NodaTime;

namespace BusFlow.Engine.Time;

/// <summary>Which days count as working days. The engine ships a weekend-only calendar; hosts register a national one.</summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(LocalDate date);
}

public sealed class WeekendOnlyCalendar : IWorkingDayCalendar
{
    public bool IsWorkingDay(LocalDate date) => date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
}

public static class WorkingDayCalendarExtensions
{
    public static LocalDate OnOrNextWorkingDay(this IWorkingDayCalendar calendar, LocalDate date)
    {
        var day = date;
        // A year of consecutive non-working days would be a broken calendar, not a real one.
        for (var i = 0; i < 366 && !calendar.IsWorkingDay(day); i++)
        {
            day = day.PlusDays(1);
        }

        return day;
    }

    public static LocalDate AddWorkingDays(this IWorkingDayCalendar calendar, LocalDate date, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var day = date;
        for (var remaining = Math.Abs(workingDays); remaining > 0;)
        {
            day = day.PlusDays(step);
            if (calendar.IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }
}
