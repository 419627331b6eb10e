namespace BusFlow.Engine.Definitions;

/// <summary>
/// One difference between two versions. <see cref="Subject"/> is the input's, variable's or step's name
/// (empty for the definition's own name and description); <see cref="Property"/> the path of a changed
/// setting below it ("reminders.workingDaysBefore"). <see cref="Before"/> and <see cref="After"/> are compact
/// JSON (text without quotes), a step's place for an added, removed or moved step ("main.activities[2]"),
/// and null where there was nothing.
/// </summary>
public sealed record DefinitionDifference(DifferenceKind Kind, string Subject, string? Before, string? After)
{
    /// <summary>The step's activity type, for the differences about steps.</summary>
    public string? ActivityType { get; init; }

    public string? Property { get; init; }
}
