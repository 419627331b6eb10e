namespace BusFlow.Engine.Definitions;

/// <summary>One definition version of a publish: newly published, or already published as it is.</summary>
public sealed record PublishOutcome(string DefinitionId, int Version, bool Published);
