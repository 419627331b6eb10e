using NodaTime;

namespace BusFlow.Engine.Definitions;

/// <summary>What publishing a folder did: the versions published and the errors of the files that published nothing.</summary>
public sealed record PublishReport(string Folder, Instant At, int DefinitionCount, IReadOnlyList<PublishOutcome> Outcomes, IReadOnlyList<DefinitionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public int NewlyPublished => Outcomes.Count(o => o.Published);
}
