using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.Mandates;

/// <summary>
/// Swedish general elections and the mandate periods they start. Elections are held every four
/// years (2022, 2026, 2030, …) on the second Sunday of September; the councils and boards chosen
/// take office on 1 January after. Four-year periods began with the 1994 election; until 2010
/// elections were held on the third Sunday of September.
/// </summary>
public static class MandatePeriods
{
    public const int YearsPerPeriod = 4;

    /// <summary>The first election of four-year periods: before it, periods lasted three years.</summary>
    public const int FirstElectionYear = 1994;

    /// <summary>From this election on, the second Sunday of September; before it, the third.</summary>
    public const int SecondSundayFromYear = 2014;

    private const int AnchorElectionYear = 2022;

    public static bool IsElectionYear(int year) => year >= FirstElectionYear && FloorMod(year - AnchorElectionYear, YearsPerPeriod) == 0;

    /// <summary>The election day of an election year: 2022-09-11, 2026-09-13, 2030-09-08.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year has no general election.</exception>
    public static LocalDate ElectionDay(int year)
    {
        if (!IsElectionYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"{year} is not a Swedish general election year (every four years from {FirstElectionYear}: …, 2022, 2026, 2030, …).");
        }

        var firstSunday = new LocalDate(year, 9, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Sunday));
        return firstSunday.PlusWeeks(year >= SecondSundayFromYear ? 1 : 2);
    }

    /// <summary>The mandate period a day belongs to: 2026-12-31 to 2023–2026, 2027-01-01 to 2027–2030.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The day is before the first four-year period (1995).</exception>
    public static MandatePeriod For(LocalDate day)
    {
        var startYear = day.Year - FloorMod(day.Year - (AnchorElectionYear + 1), YearsPerPeriod);
        if (startYear <= FirstElectionYear)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Four-year mandate periods begin in {FirstElectionYear + 1}.");
        }

        var endYear = startYear + YearsPerPeriod - 1;
        return new MandatePeriod(
            new LocalDate(startYear, 1, 1),
            new LocalDate(endYear, 12, 31),
            ElectionDay(startYear - 1),
            ElectionDay(endYear));
    }

    public static MandatePeriod Next(MandatePeriod period) => For(period.End.PlusDays(1));

    /// <summary>How long before an agreement ends its renewal starts, unless a workflow says otherwise: time for the outgoing boards to decide.</summary>
    public static readonly Period DefaultRenewalLead = Period.FromMonths(9);

    /// <summary>The day after the last valid day, minus the lead: an agreement valid until 2026-12-31 starts its renewal 2026-04-01.</summary>
    public static LocalDate RenewalStarts(LocalDate agreementEnds, Period lead) => agreementEnds.PlusDays(1).Minus(lead);

    /// <summary>
    /// Checks the timing of an agreement's renewal: warns when the agreement ends after an election
    /// in the same year (the outgoing boards must decide before they leave, or the new boards decide
    /// only the next year), and when the renewal starts only after the agreement has ended.
    /// </summary>
    public static RenewalTiming CheckRenewal(LocalDate agreementEnds, LocalDate renewalStarts)
    {
        var election = ElectionBefore(agreementEnds);
        List<string> sv = [];
        List<string> en = [];

        if (election is { } held)
        {
            var ends = Iso(agreementEnds);
            var endsAtTurnOfYear = agreementEnds.Month == 12 && agreementEnds.Day == 31;
            var nextYear = agreementEnds.Year + 1;
            sv.Add($"Överenskommelsen löper ut {ends}, efter valet {Iso(held)}: de avgående nämnderna behöver besluta {(endsAtTurnOfYear ? "före årsskiftet" : $"senast {ends}")}, annars beslutar de nya nämnderna först {nextYear}.");
            en.Add($"The agreement ends on {ends}, after the election on {Iso(held)}: the outgoing boards need to decide {(endsAtTurnOfYear ? "before the turn of the year" : $"by {ends}")}, otherwise the new boards will not decide until {nextYear}.");
        }

        if (renewalStarts > agreementEnds)
        {
            sv.Add($"Förnyelsen börjar {Iso(renewalStarts)}, efter att överenskommelsen har löpt ut: under en tid gäller ingen överenskommelse.");
            en.Add($"The renewal starts on {Iso(renewalStarts)}, after the agreement has ended: for a while no agreement is in force.");
        }
        else if (election is not null && renewalStarts >= election)
        {
            sv.Add($"Förnyelsen börjar först {Iso(renewalStarts)}, efter valet: de avgående nämnderna får ont om tid.");
            en.Add($"The renewal starts only on {Iso(renewalStarts)}, after the election: the outgoing boards will be short of time.");
        }

        return new RenewalTiming(
            agreementEnds,
            renewalStarts,
            election,
            sv.Count > 0 ? string.Join(" ", sv) : null,
            en.Count > 0 ? string.Join(" ", en) : null);
    }

    /// <summary>The election in the same year as a day, when it is held on or before the day.</summary>
    private static LocalDate? ElectionBefore(LocalDate day) =>
        IsElectionYear(day.Year) && ElectionDay(day.Year) <= day ? ElectionDay(day.Year) : null;

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static int FloorMod(int value, int divisor) => ((value % divisor) + divisor) % divisor;
}
