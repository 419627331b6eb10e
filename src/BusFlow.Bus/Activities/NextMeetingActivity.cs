using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// The board's next meeting whose notice has not yet gone out, from its meeting plan: the first meeting
/// whose notice day by the board's notice rule is on or after the day the matter is ready (and not
/// before today), with that notice day. Output: { found, board, date, startsAt, noticeBy }. A plan with no
/// such meeting faults the step, or with whenNone "report" completes with { found: false } and the year
/// whose plan is wanted, so the workflow can ask the board's secretary for it and wait.
/// </summary>
public sealed class NextMeetingActivity : BusActivity
{
    public const string Fault = "fault";
    public const string Report = "report";

    public override ActivityDescriptor Descriptor { get; } = new("NextMeeting", "Finds a board's next meeting in its meeting plan whose notice (kallelse) has not gone out: the first whose notice day, by the board's notice rule, is on or after onOrAfter and not before today. Output: { found: true, board, boardCode, date, startsAt, noticeBy }; with whenNone \"report\" and no such meeting: { found: false, board, boardCode, searchedFrom, planYear } (planYear: the first year, from searchedFrom's year on, whose plan has no meeting at all).",
    [
        Text("board", required: true, "The board id, e.g. sn."),
        Date("onOrAfter", required: false, "The day the matter is ready: the meeting's notice day must be on or after it. A day before today counts as today. Default: today."),
        new PropertySpec("whenNone", PropertyKind.Literal, DataType.String, Description: "What a plan with no such meeting does: fault the step (fault, the default) or complete with found false (report).")
        {
            AllowedValues = [Fault, Report],
        },
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var board = await BoardAsync(context, RequiredText(context, "board"));
        var ready = LocalDate.Max(DateOrToday(context, "onOrAfter"), context.Today);
        var records = Records(context);
        var meeting = await records.FirstMeetingNoticedOnOrAfterAsync(board, ready, context.Calendar, CancellationToken.None);
        if (meeting is null)
        {
            if (context.Node.Literal<string>("whenNone") != Report)
            {
                throw ActivityContext.Fail($"the meeting plan of {board.Code} has no meeting with its notice day from {ready:yyyy-MM-dd} to {ready.Plus(NoticeRule.SearchHorizon):yyyy-MM-dd}");
            }

            context.Complete(new JsonObject
            {
                ["found"] = false,
                ["board"] = board.Id,
                ["boardCode"] = board.Code,
                ["searchedFrom"] = Values.FromDate(ready),
                ["planYear"] = await records.FirstYearWithoutPlanAsync(board.Id, ready.Year, CancellationToken.None),
            });
            return;
        }

        var noticeBy = board.NoticeBy(meeting.Date, context.Calendar);
        context.Complete(new JsonObject
        {
            ["found"] = true,
            ["board"] = board.Id,
            ["boardCode"] = board.Code,
            ["date"] = Values.FromDate(meeting.Date),
            ["startsAt"] = meeting.StartsAt.ToString("HH:mm", null),
            ["noticeBy"] = Values.FromDate(noticeBy),
        });
    }
}
