using NodaTime;

namespace BusFlow.Bus.Calendar;

/// <summary>
/// The Swedish public holidays of lag (1989:253) om allmänna helgdagar, and the eves that lag
/// (1930:173) om beräkning av lagstadgad tid treats like them: a deadline on midsommarafton,
/// julafton or nyårsafton moves to the next working day. Sundays are holidays too, but are not
/// listed: every weekend day is a non-working day anyway.
/// </summary>
public static class SwedishHolidays
{
    /// <summary>From 2005 nationaldagen (6 June) is a public holiday and annandag pingst no longer is (SFS 2004:1320).</summary>
    public const int NationalDayFromYear = 2005;

    /// <summary>The holidays and eves of a year in date order; where two fall on one day, both are listed.</summary>
    public static IReadOnlyList<Holiday> For(int year)
    {
        var easter = Easter.SundayIn(year);
        var midsummerDay = new LocalDate(year, 6, 20).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Saturday));
        var allSaintsDay = new LocalDate(year, 10, 31).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Saturday));

        List<Holiday> days =
        [
            Public(new LocalDate(year, 1, 1), "nyårsdagen", "New Year's Day"),
            Public(new LocalDate(year, 1, 6), "trettondedag jul", "Epiphany"),
            Public(easter.PlusDays(-2), "långfredagen", "Good Friday"),
            Public(easter, "påskdagen", "Easter Sunday"),
            Public(easter.PlusDays(1), "annandag påsk", "Easter Monday"),
            Public(new LocalDate(year, 5, 1), "första maj", "May Day"),
            Public(easter.PlusDays(39), "Kristi himmelsfärdsdag", "Ascension Day"),
            Public(easter.PlusDays(49), "pingstdagen", "Whit Sunday"),
            year >= NationalDayFromYear
                ? Public(new LocalDate(year, 6, 6), "nationaldagen", "National Day of Sweden")
                : Public(easter.PlusDays(50), "annandag pingst", "Whit Monday"),
            Eve(midsummerDay.PlusDays(-1), "midsommarafton", "Midsummer Eve"),
            Public(midsummerDay, "midsommardagen", "Midsummer Day"),
            Public(allSaintsDay, "alla helgons dag", "All Saints' Day"),
            Eve(new LocalDate(year, 12, 24), "julafton", "Christmas Eve"),
            Public(new LocalDate(year, 12, 25), "juldagen", "Christmas Day"),
            Public(new LocalDate(year, 12, 26), "annandag jul", "Boxing Day"),
            Eve(new LocalDate(year, 12, 31), "nyårsafton", "New Year's Eve"),
        ];

        // A stable sort: on a shared day (första maj and Kristi himmelsfärdsdag in 2008) the order above holds.
        return [.. days.OrderBy(d => d.Date)];
    }

    private static Holiday Public(LocalDate date, string swedish, string english) => new(date, swedish, english, IsPublicHoliday: true);

    private static Holiday Eve(LocalDate date, string swedish, string english) => new(date, swedish, english, IsPublicHoliday: false);
}
