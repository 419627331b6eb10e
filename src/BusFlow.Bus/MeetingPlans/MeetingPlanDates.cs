using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// Dates as a Swedish secretary writes them: 2027-02-10, 10 februari 2027, 10 feb 2027, 10 feb. 2027.
/// Numeric forms with slashes are refused: 02/10/2027 is February in one country and October in another.
/// </summary>
internal static class MeetingPlanDates
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly LocalDatePattern Written = LocalDatePattern.Create("d MMMM uuuu", Swedish);

    // sv-SE knows the full names (januari … december, any case) but abbreviates with a dot
    // (feb.) and has no jun, jul, mar, sept; the usual short forms are mapped to the month here.
    private static readonly Dictionary<string, int> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["sept"] = 9,
        ["okt"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    };

    public static LocalDate? Parse(string text)
    {
        var iso = LocalDatePattern.Iso.Parse(text);
        if (iso.Success)
            return iso.Value;

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 3)
            return null;
        var month = words[1].TrimEnd('.');
        if (Abbreviations.TryGetValue(month, out var number))
            month = Swedish.DateTimeFormat.MonthNames[number - 1];
        var written = Written.Parse($"{words[0]} {month} {words[2]}");
        return written.Success ? written.Value : null;
    }
}
