using BusFlow.Engine.Activities;

namespace BusFlow.Engine.Design;

/// <summary>
/// One step of a draft's tree as the designer lists it: its place (parent, the parent's property, the
/// case or branch key, the position) and its descriptor, or none when the type is unknown.
/// </summary>
public sealed record DraftStep(
    string Id,
    string Type,
    int Depth,
    string? ParentId,
    string? Property,
    string? Key,
    int Position,
    int Siblings,
    ActivityDescriptor? Descriptor)
{
    /// <summary>A Task's title, a step's displayName: what the step is about, if it says.</summary>
    public string? Caption { get; init; }

    /// <summary>The properties that hold child steps, where a step can be added.</summary>
    public IReadOnlyList<PropertySpec> Containers =>
        Descriptor?.Properties.Where(p => p.Kind is PropertyKind.Activities or PropertyKind.Activity or PropertyKind.ActivityMap).ToList() ?? [];
}
