using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>Faults the instance with a message; a person reads the journal and decides what to do.</summary>
public sealed class FailActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("Fail", "Faults the instance with a message.",
    [
        new PropertySpec("message", PropertyKind.Expression, DataType.String, Required: true, Description: "Why; may use {{ references }}."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context) =>
        throw ActivityContext.Fail(Values.ToText(context.Evaluate("message", DataType.String)));
}
