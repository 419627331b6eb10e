namespace BusFlow.Engine.Definitions;

/// <summary>A parsed and validated definition: immutable, shared by every instance of its version.</summary>
public sealed class WorkflowDefinition
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<InputDeclaration> Inputs { get; init; }
    public required IReadOnlyList<VariableDeclaration> Variables { get; init; }
    public required ActivityNode Root { get; init; }
    public required IReadOnlyDictionary<string, ActivityNode> Activities { get; init; }

    /// <summary>The definition's JSON text, exactly as published.</summary>
    public required string Json { get; init; }

    public required string SourceFile { get; init; }

    public ActivityNode GetActivity(string activityId) =>
        Activities.TryGetValue(activityId, out var node)
            ? node
            : throw new InvalidOperationException($"Activity '{activityId}' is not in {Id} v{Version}.");
}
