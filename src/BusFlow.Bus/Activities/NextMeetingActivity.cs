using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// The board's next meeting whose notice has not yet gone out, from its meeting plan: the first meeting
/// whose notice day by the board's notice rule is on or after the day the matter is ready (and not
/// before today), with that notice day. Output: { board, date, startsAt, noticeBy }.
/// </summary>
public sealed class NextMeetingActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("NextMeeting", "Finds a board's next meeting in its meeting plan whose notice (kallelse) has not gone out: the first whose notice day, by the board's notice rule, is on or after onOrAfter and not before today. Output: { board, date, startsAt, noticeBy }.",
    [
        Text("board", required: true, "The board id, e.g. sn."),
        Date("onOrAfter", required: false, "The day the matter is ready: the meeting's notice day must be on or after it. A day before today counts as today. Default: today."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var board = await BoardAsync(context, RequiredText(context, "board"));
        var ready = LocalDate.Max(DateOrToday(context, "onOrAfter"), context.Today);
        var meeting = await Records(context).FirstMeetingNoticedOnOrAfterAsync(board, ready, context.Calendar, CancellationToken.None)
            ?? throw ActivityContext.Fail($"the meeting plan of {board.Code} has no meeting with its notice day from {ready:yyyy-MM-dd} to {ready.Plus(NoticeRule.SearchHorizon):yyyy-MM-dd}");
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
