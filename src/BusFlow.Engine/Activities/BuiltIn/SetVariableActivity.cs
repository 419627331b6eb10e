using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>
/// Sets a variable to the value of an expression — or, with "key", one property of an object
/// variable, so that parallel branches can each fill in their own part (e.g. one outcome per board).
/// </summary>
public sealed class SetVariableActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("SetVariable", "Sets a variable (or, with 'key', one property of an object variable) to the value of an expression.",
    [
        new PropertySpec("variable", PropertyKind.VariableName, Required: true, Description: "The declared variable to set."),
        new PropertySpec("key", PropertyKind.Expression, DataType.String, Description: "Set this property of the (object) variable instead of the whole variable."),
        new PropertySpec("value", PropertyKind.Expression, Required: true, Description: "The new value."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var name = context.Node.Literal<string>("variable")!;
        var value = context.Evaluate("value");
        if (context.Evaluate("key", DataType.String) is { } keyNode)
        {
            var key = Values.ToText(keyNode);
            var current = context.Resolve(["var", name]) as JsonObject;
            var updated = current is null ? [] : (JsonObject)current.DeepClone();
            updated[key] = value;
            value = updated;
        }

        context.SetVariable(name, value);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
