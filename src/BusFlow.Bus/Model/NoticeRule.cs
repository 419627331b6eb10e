using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Model;

/// <summary>
/// Which meeting a matter can go to: a board takes up only what its notice (kallelse) named, so a matter
/// ready on a day goes to the board's first meeting whose notice day is that day or later. The
/// NextMeeting activity and a changed meeting plan moving waiting decisions both choose by this rule.
/// </summary>
public static class NoticeRule
{
    /// <summary>How far ahead a board's meeting plan is searched for its next meeting.</summary>
    public static readonly Period SearchHorizon = Period.FromYears(2);

    /// <summary>
    /// The board's first meeting whose notice day (<see cref="Board.NoticeBy"/>) is on or after
    /// <paramref name="ready"/>; null when the plan has none within <see cref="SearchHorizon"/>.
    /// </summary>
    public static async Task<BoardMeeting?> FirstMeetingNoticedOnOrAfterAsync(
        this IBusRecords records, Board board, LocalDate ready, IWorkingDayCalendar calendar, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(board);
        var meetings = await records.ListMeetingsAsync(board.Id, ready, ready.Plus(SearchHorizon), ct);
        return meetings.FirstOrDefault(m => board.NoticeBy(m.Date, calendar) >= ready);
    }
}
