using BusFlow.Bus.Calendar;
using BusFlow.Engine;
using BusFlow.Engine.Time;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Bus.Tests.Calendar;

public sealed class SwedishWorkingDayCalendarTests
{
    private readonly SwedishWorkingDayCalendar _calendar = new();

    [Theory]
    [InlineData("2026-12-23")] // Wednesday before julafton
    [InlineData("2026-03-04")] // a plain Wednesday
    [InlineData("2026-06-18")] // Thursday before midsommarafton
    [InlineData("2026-12-28")] // Monday after Christmas
    [InlineData("2026-04-02")] // skärtorsdagen is a working day
    public void A_weekday_that_is_no_holiday_is_a_working_day(string day) => Assert.True(_calendar.IsWorkingDay(Parse(day)));

    [Theory]
    [InlineData("2026-03-07")] // Saturday
    [InlineData("2026-03-08")] // Sunday
    [InlineData("2026-01-01")] // nyårsdagen, Thursday
    [InlineData("2026-01-06")] // trettondedag jul, Tuesday
    [InlineData("2026-04-03")] // långfredagen
    [InlineData("2026-04-06")] // annandag påsk
    [InlineData("2026-05-01")] // första maj, Friday
    [InlineData("2026-05-14")] // Kristi himmelsfärdsdag
    [InlineData("2025-06-06")] // nationaldagen, Friday
    [InlineData("2026-06-19")] // midsommarafton
    [InlineData("2026-12-24")] // julafton, Thursday
    [InlineData("2026-12-25")] // juldagen, Friday
    [InlineData("2026-12-31")] // nyårsafton, Thursday
    public void Weekends_holidays_and_eves_are_not_working_days(string day) => Assert.False(_calendar.IsWorkingDay(Parse(day)));

    [Fact]
    public void The_holiday_on_a_day_is_found_with_its_names()
    {
        var holiday = _calendar.HolidayOn(new LocalDate(2026, 12, 25));

        Assert.Equal(new Holiday(new LocalDate(2026, 12, 25), "juldagen", "Christmas Day", true), holiday);
        Assert.Null(_calendar.HolidayOn(new LocalDate(2026, 3, 4)));
    }

    [Fact]
    public void Working_days_are_counted_past_christmas_and_new_year()
    {
        // From Wednesday 2026-12-23: 28, 29, 30 December count; 24–27 and 31 December and 1–3 January do not.
        Assert.Equal(new LocalDate(2027, 1, 4), _calendar.AddWorkingDays(new LocalDate(2026, 12, 23), 4));
        Assert.Equal(new LocalDate(2026, 12, 23), _calendar.AddWorkingDays(new LocalDate(2026, 12, 28), -1));
    }

    [Fact]
    public void Many_threads_asking_at_once_get_the_same_answers()
    {
        var days = Enumerable.Range(0, 365 * 8).Select(i => new LocalDate(2024, 1, 1).PlusDays(i)).ToArray();
        var expected = days.Select(new SwedishWorkingDayCalendar().IsWorkingDay).ToArray();
        var shared = new SwedishWorkingDayCalendar();

        var answers = new bool[8][];
        Parallel.For(0, answers.Length, t => answers[t] = [.. days.Select(shared.IsWorkingDay)]);

        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    [Fact]
    public void Registering_the_swedish_calendar_replaces_the_engines_weekend_only_one()
    {
        var after = new ServiceCollection().AddBusFlowEngine().AddSwedishWorkingDays();
        var before = new ServiceCollection().AddSwedishWorkingDays().AddBusFlowEngine();

        foreach (var services in new[] { after, before })
        {
            Assert.Single(services, d => d.ServiceType == typeof(IWorkingDayCalendar));
            using var provider = services.BuildServiceProvider();
            var calendar = provider.GetRequiredService<IWorkingDayCalendar>();
            Assert.IsType<SwedishWorkingDayCalendar>(calendar);
            Assert.Same(calendar, provider.GetRequiredService<IWorkingDayCalendar>());
        }
    }

    private static LocalDate Parse(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
