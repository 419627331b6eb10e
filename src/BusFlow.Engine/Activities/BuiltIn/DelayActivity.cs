using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>Waits for a duration, counted on the local calendar of the engine's zone.</summary>
public sealed class DelayActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("Delay", "Waits for an ISO-8601 duration (P1D is one calendar day in the engine's zone, across DST).",
    [
        new PropertySpec("duration", PropertyKind.Expression, DataType.Duration, Required: true, Description: "How long to wait, e.g. P14D or PT2H."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var period = Values.ToDuration(context.Evaluate("duration", DataType.Duration));
        var local = context.Now.InZone(context.Zone).LocalDateTime.Plus(period);
        var due = local.InZoneLeniently(context.Zone).ToInstant();
        context.Data["dueAt"] = Values.FromInstant(due);
        context.CreateTimer(due);
        return ValueTask.CompletedTask;
    }
}
