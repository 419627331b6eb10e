using System.Text.Json.Nodes;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>Runs the case whose name equals the value, or the default.</summary>
public sealed class SwitchActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("Switch", "Runs the case named by the value (as text), or 'default'.",
    [
        new PropertySpec("value", PropertyKind.Expression, Required: true, Description: "The value to match, e.g. a task's outcome."),
        new PropertySpec("cases", PropertyKind.ActivityMap, Required: true, Description: "An object from case value to activity."),
        new PropertySpec("default", PropertyKind.Activity, Description: "Run when no case matches."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var value = Values.ToText(context.Evaluate("value"));
        var branch = context.Node.ChildMap("cases").GetValueOrDefault(value) ?? context.Node.Child("default");
        if (branch is null)
        {
            context.Complete(new JsonObject { ["matched"] = null });
        }
        else
        {
            context.Data["matched"] = value;
            context.ScheduleChild(branch);
        }

        return ValueTask.CompletedTask;
    }
}
