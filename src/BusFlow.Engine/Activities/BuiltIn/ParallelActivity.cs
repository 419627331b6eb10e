using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>Runs its branches at once; completes when all of them, or the first N, have completed.</summary>
public sealed class ParallelActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("Parallel", "Runs its branches at once and joins them: all, or the first N (the rest are cancelled).",
    [
        new PropertySpec("branches", PropertyKind.Activities, Required: true, Description: "The branches, started together."),
        new PropertySpec("waitFor", PropertyKind.Literal, DataType.Integer, Description: "Complete when this many branches have completed and cancel the rest. Default: all."),
    ]);

    public override void Validate(ActivityNode node, JsonObject json, ValidationReporter report)
    {
        var branches = node.ChildList("branches").Count;
        if (json["waitFor"] is JsonValue value && value.TryGetValue<int>(out var waitFor) && (waitFor < 1 || waitFor > branches))
        {
            report("waitFor", Says.That(nameof(DefinitionTexts.WaitForOutOfRange), branches, waitFor));
        }
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var branches = context.Node.ChildList("branches");
        if (branches.Count == 0)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        context.Data["completed"] = 0;
        foreach (var branch in branches)
        {
            context.ScheduleChild(branch);
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, CompletedChild child)
    {
        var completed = ((int?)context.Data["completed"] ?? 0) + 1;
        context.Data["completed"] = completed;
        var branches = context.Node.ChildList("branches").Count;
        var waitFor = context.Node.Literal<long?>("waitFor") is { } n ? (int)n : branches;
        if (completed >= waitFor)
        {
            context.CancelRunningChildren();
            context.Complete(new JsonObject { ["completedBranches"] = completed });
        }

        return ValueTask.CompletedTask;
    }
}
