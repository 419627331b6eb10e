using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>An activity completed with an output (a step that completes without one journals no data).</summary>
public sealed record ActivityCompletedPayload(JsonNode? Output) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.ActivityCompleted;
}
