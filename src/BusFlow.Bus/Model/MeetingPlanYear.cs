using NodaTime;

namespace BusFlow.Bus.Model;

/// <summary>
/// Whether a board has decided its meeting plan for a year: a plan counts as entered when the year has
/// at least one meeting. A board decides next year's plan in the autumn, so a year without meetings is
/// one whose plan its secretary is asked for.
/// </summary>
public static class MeetingPlanYear
{
    /// <summary>The number of meetings in the board's plan for the year.</summary>
    public static async Task<int> MeetingsInAsync(this IBusRecords records, string boardId, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        return (await records.ListMeetingsAsync(boardId, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31), ct)).Count;
    }

    /// <summary>
    /// The first year from <paramref name="fromYear"/> on, within <see cref="NoticeRule.SearchHorizon"/>, whose
    /// plan has no meeting; when every one has some, the year after the horizon.
    /// </summary>
    public static async Task<int> FirstYearWithoutPlanAsync(this IBusRecords records, string boardId, int fromYear, CancellationToken ct)
    {
        var lastYear = fromYear + NoticeRule.SearchHorizon.Years;
        for (var year = fromYear; year <= lastYear; year++)
        {
            if (await records.MeetingsInAsync(boardId, year, ct) == 0)
            {
                return year;
            }
        }

        return lastYear + 1;
    }
}
