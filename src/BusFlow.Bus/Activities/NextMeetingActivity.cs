using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// The board's next meeting on or after a day, from its meeting plan, with the day its notice must go
/// out by the board's notice rule. Output: { board, date, startsAt, noticeBy }.
/// </summary>
public sealed class NextMeetingActivity : BusActivity
{
    /// <summary>How far ahead a board's meeting plan is searched for its next meeting.</summary>
    public static readonly Period SearchHorizon = Period.FromYears(2);

    public override ActivityDescriptor Descriptor { get; } = new("NextMeeting", "Finds a board's next meeting on or after a day in its meeting plan. Output: { board, date, startsAt, noticeBy }.",
    [
        Text("board", required: true, "The board id, e.g. sn."),
        Date("onOrAfter", required: false, "The first day that counts. Default: today."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var board = await BoardAsync(context, RequiredText(context, "board"));
        var from = DateOrToday(context, "onOrAfter");
        var meetings = await Records(context).ListMeetingsAsync(board.Id, from, from.Plus(SearchHorizon), CancellationToken.None);
        var meeting = meetings.Count > 0
            ? meetings[0]
            : throw ActivityContext.Fail($"the meeting plan of {board.Code} has no meeting from {from:yyyy-MM-dd} to {from.Plus(SearchHorizon):yyyy-MM-dd}");
        var noticeBy = board.NoticeBy(meeting.Date, context.Calendar);
        context.Complete(new JsonObject
        {
            ["board"] = board.Id,
            ["boardCode"] = board.Code,
            ["date"] = Values.FromDate(meeting.Date),
            ["startsAt"] = meeting.StartsAt.ToString("HH:mm", null),
            ["noticeBy"] = Values.FromDate(noticeBy),
        });
    }
}
