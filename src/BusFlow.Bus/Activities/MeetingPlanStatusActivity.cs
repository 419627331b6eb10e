using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Whether a board's meeting plan for a year has been entered (the year has a meeting), so a workflow
/// can ask the secretary for a missing plan before a decision needs a meeting in it.
/// </summary>
public sealed class MeetingPlanStatusActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("MeetingPlanStatus", "Reads whether a board's meeting plan for a year has been entered: the plan is missing while the year has no meeting. Output: { board, boardCode, boardName, year, meetings, missing }.",
    [
        Text("board", required: true, "The board id, e.g. sn."),
        new PropertySpec("year", PropertyKind.Expression, DataType.Integer, Required: true, Description: "The year of the plan, e.g. 2032."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var board = await BoardAsync(context, RequiredText(context, "board"));
        var year = context.Evaluate("year", DataType.Integer) is { } value && Values.TryGetNumber(value, out var number) ? (int)number : throw ActivityContext.Fail($"'year' of {context.Node.Id} is empty");
        var meetings = await Records(context).MeetingsInAsync(board.Id, year, CancellationToken.None);
        context.Complete(new JsonObject
        {
            ["board"] = board.Id,
            ["boardCode"] = board.Code,
            ["boardName"] = board.Name,
            ["year"] = year,
            ["meetings"] = meetings,
            ["missing"] = meetings == 0,
        });
    }
}
