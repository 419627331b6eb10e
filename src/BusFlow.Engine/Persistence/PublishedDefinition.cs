using NodaTime;

namespace BusFlow.Engine.Persistence;

/// <summary>An immutable published version of a definition: the snapshot every instance of it runs.</summary>
public sealed class PublishedDefinition
{
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public required string Json { get; set; }
    public required string ContentHash { get; set; }
    public required string SourceFile { get; set; }
    public Instant PublishedAt { get; set; }
}
