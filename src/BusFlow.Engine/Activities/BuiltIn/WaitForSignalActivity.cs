using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>
/// Waits until someone sends the instance a named signal (e.g. "meetingMoved") with the facts it
/// declares; the signal is checked against them before anything changes. Put it in a Parallel with
/// waitFor 1 to wait for a signal or a time, whichever comes first.
/// </summary>
public sealed class WaitForSignalActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("WaitForSignal", "Waits for a named signal sent to the instance (POST /api/instances/{id}/signals/{signal}), with the facts it declares.",
    [
        new PropertySpec("signal", PropertyKind.Literal, DataType.String, Required: true, Description: "The signal's name, e.g. meetingMoved: a letter, then letters and digits."),
        new PropertySpec("payload", PropertyKind.Literal, DataType.List, Description: "The facts the signal carries: [{ name, type, required, description }]. Anything else is refused. They arrive as output.<id>.data."),
    ]);

    public override void Validate(ActivityNode node, JsonObject json, ValidationReporter report)
    {
        if (node.Literal<string>("signal") is { } signal && !TaskAnswerSpec.FieldName().IsMatch(signal))
        {
            report("signal", Says.That(nameof(DefinitionTexts.NotASignalName), signal));
        }

        if (json["payload"] is JsonArray payload)
        {
            SignalPayload.Validate(payload, report);
        }
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.WaitForSignal(context.Node.Literal<string>("signal")!);
        return ValueTask.CompletedTask;
    }
}
