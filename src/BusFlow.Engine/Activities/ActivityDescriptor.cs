using BusFlow.Engine.Definitions;

namespace BusFlow.Engine.Activities;

public enum PropertyKind
{
    /// <summary>A literal or an expression of the given type.</summary>
    Expression,

    /// <summary>A literal JSON value of the given type, fixed when the definition is published.</summary>
    Literal,

    /// <summary>One child activity.</summary>
    Activity,

    /// <summary>A list of child activities.</summary>
    Activities,

    /// <summary>An object whose values are child activities (e.g. the cases of a Switch).</summary>
    ActivityMap,

    /// <summary>The name of a declared variable (or a local in scope) that the activity writes.</summary>
    VariableName,
}

/// <summary>One property of an activity type: its JSON name, kind, type and whether it must be given.</summary>
public sealed record PropertySpec(string Name, PropertyKind Kind, DataType Type = DataType.Any, bool Required = false, string Description = "")
{
    /// <summary>For child activities: the property naming a local variable the children see (ForEach's "as").</summary>
    public string? LocalNameFrom { get; init; }

    /// <summary>The local's name when that property is not given: "item" for ForEach, "round" for While.</summary>
    public string LocalNameDefault { get; init; } = "item";

    /// <summary>For literal text: the only values allowed.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>For an object: its fields, so that a designer shows them as fields rather than as JSON.</summary>
    public IReadOnlyList<PropertySpec>? Fields { get; init; }
}

/// <summary>What a module registers for an activity type: its name, purpose and input schema.</summary>
public sealed record ActivityDescriptor(string Type, string Description, IReadOnlyList<PropertySpec> Properties)
{
    public PropertySpec? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>The English description of the activity, or of a property or a property's field ("reminders.maxAfter").</summary>
    public string DescriptionOf(string? property)
    {
        if (property is null)
        {
            return Description;
        }

        var names = property.Split('.');
        var spec = Property(names[0]);
        foreach (var field in names.Skip(1))
        {
            spec = spec?.Fields?.FirstOrDefault(f => f.Name == field);
        }

        return spec?.Description ?? "";
    }
}
