using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>
/// Runs its body again and again while a condition holds (checked before each round), at most
/// maxIterations times — then the instance faults rather than loop for ever.
/// </summary>
public sealed class WhileActivity : ActivityType
{
    private const int DefaultMaxIterations = 100;

    public override ActivityDescriptor Descriptor { get; } = new("While", "Runs its body while the condition is true (checked before each round); the body sees var.round.",
    [
        new PropertySpec("condition", PropertyKind.Expression, DataType.Boolean, Required: true, Description: "Checked before each round."),
        new PropertySpec("body", PropertyKind.Activity, Required: true, Description: "The activity run in each round.") { LocalNameFrom = "roundName", LocalNameDefault = "round" },
        new PropertySpec("roundName", PropertyKind.Literal, DataType.String, Description: "The name of the round counter in the body. Default: round."),
        new PropertySpec("maxIterations", PropertyKind.Literal, DataType.Integer, Description: "A limit that faults the instance when reached. Default: 100."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        Next(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, CompletedChild child)
    {
        Next(context, ((int?)context.Data["round"] ?? 0) + 1);
        return ValueTask.CompletedTask;
    }

    private static void Next(ActivityContext context, int round)
    {
        if (!Values.ToBoolean(context.Evaluate("condition", DataType.Boolean)))
        {
            context.Complete(new JsonObject { ["rounds"] = round });
            return;
        }

        var max = context.Node.Literal<long?>("maxIterations") ?? DefaultMaxIterations;
        if (round >= max)
        {
            throw ActivityContext.Fail($"the loop '{context.Node.Id}' reached its limit of {max} rounds");
        }

        context.Data["round"] = round;
        var name = context.Node.Literal<string>("roundName") ?? "round";
        context.ScheduleChild(context.Node.Child("body")!, new JsonObject { [name] = round + 1 });
    }
}
