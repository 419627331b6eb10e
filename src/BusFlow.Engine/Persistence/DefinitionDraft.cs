using NodaTime;

namespace BusFlow.Engine.Persistence;

/// <summary>
/// A definition being designed: JSON text that may still have errors, saved as it is and never run.
/// Publishing it makes an immutable <see cref="PublishedDefinition"/> and removes the draft.
/// </summary>
public sealed class DefinitionDraft
{
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }

    /// <summary>The published version the draft started from; null for a blank one.</summary>
    public int? BasedOnVersion { get; set; }

    public required string Json { get; set; }
    public required string CreatedBy { get; set; }
    public Instant CreatedAt { get; set; }
    public required string SavedBy { get; set; }
    public Instant SavedAt { get; set; }

    /// <summary>The row version: each save advances it, so a save based on an older one is refused.</summary>
    public int Version { get; set; }
}
