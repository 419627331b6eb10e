using System.Text.Json.Nodes;

namespace BusFlow.Engine.Definitions;

public sealed record InputDeclaration(string Name, DataType Type, bool Required, JsonNode? Default, string? Description);

public sealed record VariableDeclaration(string Name, DataType Type, JsonNode? Default);
