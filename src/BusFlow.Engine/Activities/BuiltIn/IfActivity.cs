using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>Runs "then" when the condition holds, else "else" (if given).</summary>
public sealed class IfActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("If", "Runs 'then' when the condition is true, otherwise 'else'.",
    [
        new PropertySpec("condition", PropertyKind.Expression, DataType.Boolean, Required: true, Description: "A boolean expression."),
        new PropertySpec("then", PropertyKind.Activity, Required: true, Description: "Run when the condition is true."),
        new PropertySpec("else", PropertyKind.Activity, Description: "Run when the condition is false."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var holds = Values.ToBoolean(context.Evaluate("condition", DataType.Boolean));
        var branch = context.Node.Child(holds ? "then" : "else");
        if (branch is null)
        {
            context.Complete();
        }
        else
        {
            context.ScheduleChild(branch);
        }

        return ValueTask.CompletedTask;
    }
}
