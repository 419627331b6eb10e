using BusFlow.Engine.Definitions;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Design;

/// <summary>
/// What saving or publishing a draft came to. On a conflict, <see cref="Draft"/> is the draft as the
/// other person saved it (who and when); on publishing, <see cref="PublishedVersion"/> is the new version.
/// </summary>
public sealed record DraftSaveResult(DraftSaveStatus Status, DefinitionDraft? Draft = null, IReadOnlyList<DefinitionError>? Errors = null)
{
    public int? PublishedVersion { get; init; }

    /// <summary>After publishing: how many instances still run on earlier versions (they stay on them).</summary>
    public int RunningOnEarlierVersions { get; init; }

    public static DraftSaveResult NotFound { get; } = new(DraftSaveStatus.NotFound);
}
