using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Sums up a decision round from an object of board → outcome: which boards approved, rejected or
/// have not decided, and whether every party approved.
/// Output: { approvedBy, rejectedBy, undecided, allApproved }.
/// </summary>
public sealed class SummarizeDecisionsActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("SummarizeDecisions", "Sums up board outcomes. Output: { approvedBy, rejectedBy, undecided, allApproved }.",
    [
        new PropertySpec("boards", PropertyKind.Expression, DataType.List, Required: true, Description: "Every board in the round."),
        new PropertySpec("outcomes", PropertyKind.Expression, DataType.Object, Required: true, Description: "Board (or organization) id → its final outcome."),
        new PropertySpec("organizations", PropertyKind.Expression, DataType.List, Description: "The organizations that are not boards and decide in the round; counted as the boards are."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var organizations = context.Evaluate("organizations", DataType.List) is { } named ? Values.ToList(named).Select(Values.ToText) : [];
        var boards = Values.ToList(context.Evaluate("boards", DataType.List)).Select(Values.ToText).Concat(organizations).ToList();
        var outcomes = context.Evaluate("outcomes", DataType.Object) as JsonObject ?? [];
        string? Outcome(string board) => outcomes[board] is { } value ? Values.ToText(value) : null;
        var approved = boards.Where(b => Outcome(b) == "approve").ToList();
        var rejected = boards.Where(b => Outcome(b) == "reject").ToList();
        var undecided = boards.Except(approved).Except(rejected).ToList();
        context.Complete(new JsonObject
        {
            ["approvedBy"] = List(approved),
            ["rejectedBy"] = List(rejected),
            ["undecided"] = List(undecided),
            ["allApproved"] = boards.Count > 0 && approved.Count == boards.Count,
        });
        return ValueTask.CompletedTask;
    }
}
