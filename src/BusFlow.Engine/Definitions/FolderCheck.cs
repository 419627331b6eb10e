namespace BusFlow.Engine.Definitions;

/// <summary>A folder checked against the published versions: how many definitions it holds, and every error.</summary>
public sealed record FolderCheck(int DefinitionCount, IReadOnlyList<DefinitionError> Errors);
