using System.Text.Json.Serialization;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>An instance started: of which definition and version, under which correlation key, from which parent.</summary>
public sealed record InstanceStartedPayload(
    [property: JsonPropertyName("id")] string DefinitionId,
    int Version,
    string? CorrelationKey,
    Guid? ParentInstanceId) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.InstanceStarted;
}
