using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

public sealed class SetVariableActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("SetVariable", "Sets a variable to the value of an expression.",
    [
        new PropertySpec("variable", PropertyKind.VariableName, Required: true, Description: "The declared variable to set."),
        new PropertySpec("value", PropertyKind.Expression, Required: true, Description: "The new value."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var name = context.Node.Literal<string>("variable")!;
        context.SetVariable(name, context.Evaluate("value"));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
