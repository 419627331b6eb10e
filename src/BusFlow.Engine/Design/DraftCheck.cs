using BusFlow.Engine.Definitions;

namespace BusFlow.Engine.Design;

/// <summary>
/// A draft's text checked as publishing checks it: every error, and the definition the loader read
/// from it when it could (the published versions may still refuse it), for a diagram or to publish.
/// </summary>
public sealed record DraftCheck(IReadOnlyList<DefinitionError> Errors, WorkflowDefinition? Loaded)
{
    public bool CanPublish => Errors.Count == 0 && Loaded is not null;
}
