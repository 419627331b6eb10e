using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>A variable was set, to this value.</summary>
public sealed record VariableSetPayload(string Variable, JsonNode? Value) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.VariableSet;
}
