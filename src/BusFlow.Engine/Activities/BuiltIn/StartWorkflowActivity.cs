using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>
/// Starts a child workflow (its latest published version). With wait, completes when the child
/// completes or is cancelled; its output is { instanceId, status, output }, and for a child
/// cancelled while the parent waited also { reason, cancelledBy }.
/// </summary>
public sealed class StartWorkflowActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("StartWorkflow", "Starts a child workflow and, with 'wait', waits until it finishes.",
    [
        new PropertySpec("workflow", PropertyKind.Literal, DataType.String, Required: true, Description: "The id of the child definition."),
        new PropertySpec("input", PropertyKind.Expression, DataType.Object, Description: "The child's input."),
        new PropertySpec("correlationKey", PropertyKind.Expression, DataType.String, Description: "Starting twice with one key gives the same child."),
        new PropertySpec("wait", PropertyKind.Literal, DataType.Boolean, Description: "Wait for the child to finish. Default: true."),
        new PropertySpec("output", PropertyKind.VariableName, Description: "A variable that receives the child's result: { instanceId, status, output }, with { reason, cancelledBy } when the child was cancelled."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var input = context.Evaluate("input", DataType.Object) as JsonObject ?? [];
        var key = context.Evaluate("correlationKey", DataType.String) is { } keyValue ? Values.ToText(keyValue) : null;
        context.StartChildWorkflow(new ChildWorkflowRequest(context.Node.Literal<string>("workflow")!, input, key, context.Node.Literal<bool?>("wait") ?? true));
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnResumedAsync(ActivityContext context, JsonNode? payload)
    {
        if (context.Node.Literal<string>("output") is { } variable)
        {
            context.SetVariable(variable, payload?.DeepClone());
        }

        context.Complete(payload);
        return ValueTask.CompletedTask;
    }
}
