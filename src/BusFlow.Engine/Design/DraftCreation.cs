using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Design;

/// <summary>A new draft, or why none was made.</summary>
public sealed record DraftCreation(DefinitionDraft? Draft, DraftCreationProblem? Problem = null)
{
    public bool Created => Draft is not null;
}
