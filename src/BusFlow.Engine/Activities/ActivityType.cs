using System.Globalization;
using System.Resources;
using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Engine.Activities;

/// <summary>
/// The extension point: an activity type runs when scheduled, when a child of it completes, and when
/// a bookmark it created is resumed. It records what should happen on the context; the runtime applies
/// that only when the call returns without throwing, so a fault leaves no half-done effects.
/// </summary>
public abstract class ActivityType
{
    private static readonly ResourceManager EngineDescriptions = new("BusFlow.Engine.Activities.Texts.ActivityDescriptions", typeof(ActivityType).Assembly);

    public abstract ActivityDescriptor Descriptor { get; }

    /// <summary>
    /// Where the descriptions are worded in other languages than the English of <see cref="Descriptor"/>: keys
    /// "Type", "Type.property" and "Type.property.field". A module overrides this with its own resources; a key
    /// that is missing reads in English.
    /// </summary>
    protected virtual ResourceManager DescriptionTexts => EngineDescriptions;

    /// <summary>What the activity, or one of its properties ("due", "reminders.maxAfter"), is for, in the reader's language.</summary>
    public string DescriptionIn(CultureInfo culture, string? property = null)
    {
        var key = property is null ? Descriptor.Type : $"{Descriptor.Type}.{property}";
        return DescriptionTexts.GetString(key, culture) ?? Descriptor.DescriptionOf(property);
    }

    /// <summary>Checks beyond the property schema, reported with the same file, path and reason.</summary>
    public virtual void Validate(ActivityNode node, JsonObject json, ValidationReporter report)
    {
    }

    public abstract ValueTask ExecuteAsync(ActivityContext context);

    public virtual ValueTask OnChildCompletedAsync(ActivityContext context, CompletedChild child)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask OnResumedAsync(ActivityContext context, JsonNode? payload)
    {
        context.Complete(payload);
        return ValueTask.CompletedTask;
    }
}

public sealed record CompletedChild(long FrameId, string ActivityId, JsonNode? Output);

/// <summary>Reports a validation error at a JSON path below the activity.</summary>
public delegate void ValidationReporter(string jsonPath, DefinitionMessage message);
