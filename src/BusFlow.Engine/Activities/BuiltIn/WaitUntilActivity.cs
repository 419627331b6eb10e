using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Engine.Activities.BuiltIn;

/// <summary>
/// Waits until an instant, or a local date and time in a named zone — optionally moved to the next
/// working day. A moment already past completes at once.
/// </summary>
public sealed class WaitUntilActivity : ActivityType
{
    public override ActivityDescriptor Descriptor { get; } = new("WaitUntil", "Waits until an instant ('at') or a local 'date' and 'time' in a 'zone', optionally moved to the next working day.",
    [
        new PropertySpec("at", PropertyKind.Expression, DataType.DateTime, Description: "An instant. Give either 'at' or 'date'."),
        new PropertySpec("date", PropertyKind.Expression, DataType.Date, Description: "A local date."),
        new PropertySpec("time", PropertyKind.Expression, DataType.Time, Description: "The local time of day with 'date'. Default: 00:00."),
        new PropertySpec("zone", PropertyKind.Literal, DataType.String, Description: "An IANA time zone for 'date'. Default: the engine's (Europe/Stockholm)."),
        new PropertySpec("nextWorkingDay", PropertyKind.Literal, DataType.Boolean, Description: "Move a 'date' that is not a working day to the next one. Default: false."),
    ]);

    public override void Validate(ActivityNode node, JsonObject json, ValidationReporter report)
    {
        if (json.ContainsKey("at") == json.ContainsKey("date"))
        {
            report("", Says.That(nameof(DefinitionTexts.AtOrDate)));
        }

        if (json.ContainsKey("at") && (json.ContainsKey("time") || json.ContainsKey("zone") || json.ContainsKey("nextWorkingDay")))
        {
            report("", Says.That(nameof(DefinitionTexts.TimeGoesWithDate)));
        }

        if (node.Literal<string>("zone") is { } zone && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            report("zone", Says.That(nameof(DefinitionTexts.UnknownTimeZone), zone));
        }
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var (due, output) = ComputeDue(context);
        if (due <= context.Now)
        {
            context.Complete(output);
        }
        else
        {
            context.Data["output"] = output;
            context.CreateTimer(due);
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnResumedAsync(ActivityContext context, JsonNode? payload)
    {
        context.Complete(context.Data["output"]?.DeepClone());
        return ValueTask.CompletedTask;
    }

    private static (Instant Due, JsonObject Output) ComputeDue(ActivityContext context)
    {
        if (context.Node.Has("at"))
        {
            var at = Values.ToInstant(context.Evaluate("at", DataType.DateTime));
            return (at, new JsonObject { ["dueAt"] = Values.FromInstant(at) });
        }

        var zone = context.Node.Literal<string>("zone") is { } zoneId ? DateTimeZoneProviders.Tzdb[zoneId] : context.Zone;
        var requested = Values.ToDate(context.Evaluate("date", DataType.Date));
        var time = context.Node.Has("time") ? Values.ToTime(context.Evaluate("time", DataType.Time)) : LocalTime.Midnight;
        var date = context.Node.Literal<bool>("nextWorkingDay") ? context.Calendar.OnOrNextWorkingDay(requested) : requested;
        var due = date.At(time).InZoneLeniently(zone).ToInstant();
        var output = new JsonObject { ["dueAt"] = Values.FromInstant(due), ["date"] = Values.FromDate(date) };
        if (date != requested)
        {
            output["movedFrom"] = Values.FromDate(requested);
        }

        return (due, output);
    }
}
