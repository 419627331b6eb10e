using System.Text.Json.Nodes;
using BusFlow.Bus.Rotation;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>Who convenes a body in a year, by its rotation. Output: { body, year, boards }.</summary>
public sealed class ConvenerActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("Convener", "Finds the board(s) that convene a collaboration body in a year by its rotation. Output: { body, year, boards }.",
    [
        Text("body", required: true, "The collaboration body id."),
        new PropertySpec("year", PropertyKind.Expression, DataType.Integer, Description: "The year. Default: this year."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var id = RequiredText(context, "body");
        var body = await Records(context).FindBodyAsync(id, CancellationToken.None) ?? throw ActivityContext.Fail($"there is no collaboration body '{id}'");
        var year = context.Evaluate("year", DataType.Integer) is { } value && Values.TryGetNumber(value, out var number) ? (int)number : context.Today.Year;
        var rotation = ConvenerRotation.From(body) ?? throw ActivityContext.Fail($"'{body.Name}' has no rotating convener");
        context.Complete(new JsonObject { ["body"] = body.Id, ["year"] = year, ["boards"] = List(rotation.ConvenerIn(year)) });
    }
}
