using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>Times as a Swedish secretary writes them: 13:00, 13.00, 9:30, 09.30, kl. 13.00, kl 13; and 13:00:00, as Excel writes a time cell.</summary>
internal static class MeetingPlanTimes
{
    private static readonly LocalTimePattern[] Patterns =
    [
        LocalTimePattern.CreateWithInvariantCulture("H:mm"),
        LocalTimePattern.CreateWithInvariantCulture("H:mm:ss"),
        LocalTimePattern.CreateWithInvariantCulture("H'.'mm"),
        LocalTimePattern.CreateWithInvariantCulture("%H"),
    ];

    public static LocalTime? Parse(string text)
    {
        var time = text.AsSpan().Trim();
        if (time.StartsWith("kl", StringComparison.OrdinalIgnoreCase))
        {
            time = time[2..];
            if (time.StartsWith('.'))
                time = time[1..];
            time = time.TrimStart();
        }
        var written = time.ToString();
        foreach (var pattern in Patterns)
        {
            var parsed = pattern.Parse(written);
            if (parsed.Success)
                return parsed.Value;
        }
        return null;
    }
}
