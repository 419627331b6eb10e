using BusFlow.Bus.Calendar;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.Tests.Calendar;

public sealed class SwedishHolidaysTests
{
    // Written out by hand from the known dates (Easter Sunday, then −2, +1, +39, +49 days; the
    // Saturday of 20–26 June and of 31 October–6 November) and checked against a wall calendar's
    // weekdays; never produced by the code under test.
    private static readonly Dictionary<int, (string Date, string Name)[]> PublicHolidays = new()
    {
        [2024] =
        [
            ("2024-01-01", "nyårsdagen"), ("2024-01-06", "trettondedag jul"), ("2024-03-29", "långfredagen"),
            ("2024-03-31", "påskdagen"), ("2024-04-01", "annandag påsk"), ("2024-05-01", "första maj"),
            ("2024-05-09", "Kristi himmelsfärdsdag"), ("2024-05-19", "pingstdagen"), ("2024-06-06", "nationaldagen"),
            ("2024-06-22", "midsommardagen"), ("2024-11-02", "alla helgons dag"), ("2024-12-25", "juldagen"),
            ("2024-12-26", "annandag jul"),
        ],
        [2025] =
        [
            ("2025-01-01", "nyårsdagen"), ("2025-01-06", "trettondedag jul"), ("2025-04-18", "långfredagen"),
            ("2025-04-20", "påskdagen"), ("2025-04-21", "annandag påsk"), ("2025-05-01", "första maj"),
            ("2025-05-29", "Kristi himmelsfärdsdag"), ("2025-06-06", "nationaldagen"), ("2025-06-08", "pingstdagen"),
            ("2025-06-21", "midsommardagen"), ("2025-11-01", "alla helgons dag"), ("2025-12-25", "juldagen"),
            ("2025-12-26", "annandag jul"),
        ],
        [2026] =
        [
            ("2026-01-01", "nyårsdagen"), ("2026-01-06", "trettondedag jul"), ("2026-04-03", "långfredagen"),
            ("2026-04-05", "påskdagen"), ("2026-04-06", "annandag påsk"), ("2026-05-01", "första maj"),
            ("2026-05-14", "Kristi himmelsfärdsdag"), ("2026-05-24", "pingstdagen"), ("2026-06-06", "nationaldagen"),
            ("2026-06-20", "midsommardagen"), ("2026-10-31", "alla helgons dag"), ("2026-12-25", "juldagen"),
            ("2026-12-26", "annandag jul"),
        ],
        [2027] =
        [
            ("2027-01-01", "nyårsdagen"), ("2027-01-06", "trettondedag jul"), ("2027-03-26", "långfredagen"),
            ("2027-03-28", "påskdagen"), ("2027-03-29", "annandag påsk"), ("2027-05-01", "första maj"),
            ("2027-05-06", "Kristi himmelsfärdsdag"), ("2027-05-16", "pingstdagen"), ("2027-06-06", "nationaldagen"),
            ("2027-06-26", "midsommardagen"), ("2027-11-06", "alla helgons dag"), ("2027-12-25", "juldagen"),
            ("2027-12-26", "annandag jul"),
        ],
        [2028] =
        [
            ("2028-01-01", "nyårsdagen"), ("2028-01-06", "trettondedag jul"), ("2028-04-14", "långfredagen"),
            ("2028-04-16", "påskdagen"), ("2028-04-17", "annandag påsk"), ("2028-05-01", "första maj"),
            ("2028-05-25", "Kristi himmelsfärdsdag"), ("2028-06-04", "pingstdagen"), ("2028-06-06", "nationaldagen"),
            ("2028-06-24", "midsommardagen"), ("2028-11-04", "alla helgons dag"), ("2028-12-25", "juldagen"),
            ("2028-12-26", "annandag jul"),
        ],
        [2029] =
        [
            ("2029-01-01", "nyårsdagen"), ("2029-01-06", "trettondedag jul"), ("2029-03-30", "långfredagen"),
            ("2029-04-01", "påskdagen"), ("2029-04-02", "annandag påsk"), ("2029-05-01", "första maj"),
            ("2029-05-10", "Kristi himmelsfärdsdag"), ("2029-05-20", "pingstdagen"), ("2029-06-06", "nationaldagen"),
            ("2029-06-23", "midsommardagen"), ("2029-11-03", "alla helgons dag"), ("2029-12-25", "juldagen"),
            ("2029-12-26", "annandag jul"),
        ],
        [2030] =
        [
            ("2030-01-01", "nyårsdagen"), ("2030-01-06", "trettondedag jul"), ("2030-04-19", "långfredagen"),
            ("2030-04-21", "påskdagen"), ("2030-04-22", "annandag påsk"), ("2030-05-01", "första maj"),
            ("2030-05-30", "Kristi himmelsfärdsdag"), ("2030-06-06", "nationaldagen"), ("2030-06-09", "pingstdagen"),
            ("2030-06-22", "midsommardagen"), ("2030-11-02", "alla helgons dag"), ("2030-12-25", "juldagen"),
            ("2030-12-26", "annandag jul"),
        ],
        [2031] =
        [
            ("2031-01-01", "nyårsdagen"), ("2031-01-06", "trettondedag jul"), ("2031-04-11", "långfredagen"),
            ("2031-04-13", "påskdagen"), ("2031-04-14", "annandag påsk"), ("2031-05-01", "första maj"),
            ("2031-05-22", "Kristi himmelsfärdsdag"), ("2031-06-01", "pingstdagen"), ("2031-06-06", "nationaldagen"),
            ("2031-06-21", "midsommardagen"), ("2031-11-01", "alla helgons dag"), ("2031-12-25", "juldagen"),
            ("2031-12-26", "annandag jul"),
        ],
    };

    private static readonly Dictionary<int, string> MidsummerEves = new()
    {
        [2024] = "2024-06-21",
        [2025] = "2025-06-20",
        [2026] = "2026-06-19",
        [2027] = "2027-06-25",
        [2028] = "2028-06-23",
        [2029] = "2029-06-22",
        [2030] = "2030-06-21",
        [2031] = "2031-06-20",
    };

    public static TheoryData<int> Years => [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031];

    [Theory]
    [MemberData(nameof(Years))]
    public void Every_public_holiday_of_the_year_falls_on_its_known_date(int year)
    {
        var expected = PublicHolidays[year].Select(h => (Day(h.Date), h.Name));

        var actual = SwedishHolidays.For(year).Where(h => h.IsPublicHoliday).Select(h => (h.Date, h.SwedishName));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Midsommarafton_julafton_and_nyarsafton_are_listed_as_eves_not_public_holidays(int year)
    {
        (LocalDate, string)[] expected =
        [
            (Day(MidsummerEves[year]), "midsommarafton"),
            (new LocalDate(year, 12, 24), "julafton"),
            (new LocalDate(year, 12, 31), "nyårsafton"),
        ];

        var actual = SwedishHolidays.For(year).Where(h => !h.IsPublicHoliday).Select(h => (h.Date, h.SwedishName));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Easter_sunday_falls_on_its_known_dates()
    {
        string[] known = ["2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2031-04-13", "2008-03-23", "2038-04-25", "2285-03-22"];

        foreach (var day in known.Select(Day))
        {
            Assert.Equal(day, Easter.SundayIn(day.Year));
        }
    }

    [Fact]
    public void Every_day_has_an_english_name_too()
    {
        var names = SwedishHolidays.For(2026).ToDictionary(h => h.SwedishName, h => h.EnglishName);

        Assert.Equal("Christmas Day", names["juldagen"]);
        Assert.Equal("Boxing Day", names["annandag jul"]);
        Assert.Equal("Midsummer Eve", names["midsommarafton"]);
        Assert.Equal("Ascension Day", names["Kristi himmelsfärdsdag"]);
        Assert.Equal("National Day of Sweden", names["nationaldagen"]);
        Assert.All(SwedishHolidays.For(2026), h => Assert.False(string.IsNullOrWhiteSpace(h.EnglishName)));
    }

    [Fact]
    public void The_list_is_in_date_order_and_keeps_two_holidays_that_share_a_day()
    {
        // Easter 2008-03-23: Kristi himmelsfärdsdag fell on första maj.
        var holidays = SwedishHolidays.For(2008);

        Assert.Equal(holidays.OrderBy(h => h.Date).Select(h => h.Date), holidays.Select(h => h.Date));
        Assert.Equal(["första maj", "Kristi himmelsfärdsdag"], holidays.Where(h => h.Date == new LocalDate(2008, 5, 1)).Select(h => h.SwedishName));
    }

    [Fact]
    public void Before_2005_annandag_pingst_was_a_public_holiday_and_nationaldagen_was_not()
    {
        var holidays = SwedishHolidays.For(2004);

        Assert.Contains(holidays, h => h.SwedishName == "annandag pingst" && h.Date == new LocalDate(2004, 5, 31));
        Assert.DoesNotContain(holidays, h => h.SwedishName == "nationaldagen");
        Assert.DoesNotContain(SwedishHolidays.For(2005), h => h.SwedishName == "annandag pingst");
    }

    [Fact]
    public void The_moving_holidays_keep_their_weekdays_over_two_centuries()
    {
        for (var year = 1900; year <= 2100; year++)
        {
            var days = SwedishHolidays.For(year).ToDictionary(h => h.SwedishName, h => h.Date);

            Assert.Equal(IsoDayOfWeek.Friday, days["långfredagen"].DayOfWeek);
            Assert.Equal(IsoDayOfWeek.Sunday, days["påskdagen"].DayOfWeek);
            Assert.Equal(IsoDayOfWeek.Thursday, days["Kristi himmelsfärdsdag"].DayOfWeek);
            Assert.Equal(IsoDayOfWeek.Sunday, days["pingstdagen"].DayOfWeek);
            Assert.Equal(IsoDayOfWeek.Saturday, days["midsommardagen"].DayOfWeek);
            Assert.InRange(days["midsommardagen"], new LocalDate(year, 6, 20), new LocalDate(year, 6, 26));
            Assert.Equal(IsoDayOfWeek.Friday, days["midsommarafton"].DayOfWeek);
            Assert.Equal(IsoDayOfWeek.Saturday, days["alla helgons dag"].DayOfWeek);
            Assert.InRange(days["alla helgons dag"], new LocalDate(year, 10, 31), new LocalDate(year, 11, 6));
            Assert.InRange(days["påskdagen"], new LocalDate(year, 3, 22), new LocalDate(year, 4, 25));
        }
    }

    [Fact]
    public void Easter_before_the_gregorian_calendar_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => Easter.SundayIn(1582));

    private static LocalDate Day(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
