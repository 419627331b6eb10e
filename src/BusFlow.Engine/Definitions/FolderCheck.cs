namespace BusFlow.Engine.Definitions;

/// <summary>A folder checked against the published versions: what would be published, and every error.</summary>
public sealed record FolderCheck(int DefinitionCount, IReadOnlyList<WorkflowDefinition> Publishable, IReadOnlyList<DefinitionError> Errors);
