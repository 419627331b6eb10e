using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>Runs its body once per item of a list, one after another or all at once.</summary>
public sealed class ForEachActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("ForEach", "Runs its body once per item of a list; the body sees the item as var.<as>.",
    [
        new PropertySpec("items", PropertyKind.Expression, DataType.List, Required: true, Description: "The list to go through."),
        new PropertySpec("as", PropertyKind.Literal, DataType.String, Description: "The name of the item variable in the body. Default: item."),
        new PropertySpec("parallel", PropertyKind.Literal, DataType.Boolean, Description: "Run all items at once. Default: false."),
        new PropertySpec("body", PropertyKind.Activity, Required: true, Description: "The activity run for each item.") { LocalNameFrom = "as" },
    ]);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var items = Values.ToList(context.Evaluate("items", DataType.List));
        context.Data["items"] = new JsonArray(items.Select(i => i?.DeepClone()).ToArray());
        if (items.Count == 0)
        {
            context.Complete(new JsonObject { ["count"] = 0 });
            return ValueTask.CompletedTask;
        }

        if (context.Node.Literal<bool>("parallel"))
        {
            for (var i = 0; i < items.Count; i++)
            {
                Run(context, i);
            }

            context.Data["remaining"] = items.Count;
        }
        else
        {
            Run(context, 0);
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, CompletedChild child)
    {
        var count = context.Data["items"]!.AsArray().Count;
        if (context.Node.Literal<bool>("parallel"))
        {
            var remaining = ((int?)context.Data["remaining"] ?? 1) - 1;
            context.Data["remaining"] = remaining;
            if (remaining == 0)
            {
                context.Complete(new JsonObject { ["count"] = count });
            }
        }
        else
        {
            var next = ((int?)context.Data["index"] ?? 0) + 1;
            if (next < count)
            {
                Run(context, next);
            }
            else
            {
                context.Complete(new JsonObject { ["count"] = count });
            }
        }

        return ValueTask.CompletedTask;
    }

    private static void Run(ActivityContext context, int index)
    {
        var name = context.Node.Literal<string>("as") ?? "item";
        context.Data["index"] = index;
        var item = context.Data["items"]!.AsArray()[index]?.DeepClone();
        context.ScheduleChild(context.Node.Child("body")!, new JsonObject { [name] = item, [$"{name}Index"] = index });
    }
}
