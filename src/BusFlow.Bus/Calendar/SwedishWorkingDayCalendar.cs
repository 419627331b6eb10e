using System.Collections.Concurrent;
using System.Collections.Frozen;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Calendar;

/// <summary>
/// Swedish working days: Monday to Friday, except public holidays and midsommarafton, julafton
/// and nyårsafton. Each year's holidays are computed once and kept; safe to share between threads.
/// </summary>
public sealed class SwedishWorkingDayCalendar : IWorkingDayCalendar
{
    private readonly ConcurrentDictionary<int, FrozenDictionary<LocalDate, Holiday>> _years = new();

    public bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && HolidayOn(date) is null;

    /// <summary>The holiday or eve on a day; when two share the day, the first listed by <see cref="SwedishHolidays.For"/>.</summary>
    public Holiday? HolidayOn(LocalDate date) => HolidaysOf(date.Year).GetValueOrDefault(date);

    private FrozenDictionary<LocalDate, Holiday> HolidaysOf(int year) =>
        _years.GetOrAdd(year, static y => SwedishHolidays.For(y)
            .GroupBy(h => h.Date)
            .ToFrozenDictionary(g => g.Key, g => g.First()));
}
