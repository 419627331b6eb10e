using BusFlow.Engine.Activities;

namespace BusFlow.Engine.Design;

/// <summary>
/// One property of a step as a form field: its text, or the reference it holds (with a period added,
/// for dates), and the fields of an object that has them (a Task's reminders).
/// </summary>
public sealed record DraftField(PropertySpec Spec, string Text, string? Reference = null, string? Plus = null)
{
    public IReadOnlyList<DraftField> Fields { get; init; } = [];
}
