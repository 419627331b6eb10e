using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>Runs its activities one after another.</summary>
public sealed class SequenceActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("Sequence", "Runs its activities one after another.",
    [
        new PropertySpec("activities", PropertyKind.Activities, Required: true, Description: "The activities, in order."),
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        Next(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, CompletedChild child)
    {
        Next(context, (int?)context.Data["next"] ?? 0);
        return ValueTask.CompletedTask;
    }

    private static void Next(ActivityContext context, int index)
    {
        var children = context.Node.ChildList("activities");
        if (index >= children.Count)
        {
            context.Complete();
            return;
        }

        context.Data["next"] = index + 1;
        context.ScheduleChild(children[index]);
    }
}
