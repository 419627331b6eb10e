using BusFlow.Bus.Model;

namespace BusFlow.Bus.Mandates;

/// <summary>
/// The id and title of an agreement's successor, from its own: the years of the old period become the
/// new period's ("angsby-bus-2027-2030" → "angsby-bus-2031-2034", "… BUS Ängsby 2027–2030" → "… BUS
/// Ängsby 2031–2034"), so that each collaboration's renewals keep its own names and two collaborations
/// renewing in the same year never share an id.
/// </summary>
public static class RenewalNames
{
    public static string IdAfter(Agreement predecessor, MandatePeriod next)
    {
        ArgumentNullException.ThrowIfNull(predecessor);
        ArgumentNullException.ThrowIfNull(next);
        var years = $"{predecessor.ValidFrom.Year}-{predecessor.ValidUntil.Year}";
        return predecessor.Id.Contains(years, StringComparison.Ordinal)
            ? predecessor.Id.Replace(years, $"{next.Start.Year}-{next.End.Year}", StringComparison.Ordinal)
            : $"{predecessor.Id}-{next.Start.Year}-{next.End.Year}";
    }

    public static string TitleAfter(Agreement predecessor, MandatePeriod next)
    {
        ArgumentNullException.ThrowIfNull(predecessor);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var dash in new[] { "–", "-" })
        {
            var years = $"{predecessor.ValidFrom.Year}{dash}{predecessor.ValidUntil.Year}";
            if (predecessor.Title.Contains(years, StringComparison.Ordinal))
            {
                return predecessor.Title.Replace(years, $"{next.Start.Year}{dash}{next.End.Year}", StringComparison.Ordinal);
            }
        }

        return $"{predecessor.Title} {next}";
    }
}
