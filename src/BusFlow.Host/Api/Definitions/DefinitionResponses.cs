using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Host.Api.Definitions;

/// <summary>A published definition version as the list shows it.</summary>
public sealed record DefinitionSummary(string Id, int Version, string Name, string? Description, IReadOnlyList<InputResponse> Inputs, Instant PublishedAt)
{
    public static DefinitionSummary From(PublishedDefinition published, WorkflowDefinition parsed) =>
        new(published.DefinitionId, published.Version, published.Name, parsed.Description,
            parsed.Inputs.Select(InputResponse.From).ToList(), published.PublishedAt);
}

/// <summary>A published definition version with its JSON text, exactly as published.</summary>
public sealed record DefinitionDetail(
    string Id,
    int Version,
    string Name,
    string? Description,
    IReadOnlyList<InputResponse> Inputs,
    Instant PublishedAt,
    string SourceFile,
    string Json)
{
    public static DefinitionDetail From(PublishedDefinition published, WorkflowDefinition parsed) =>
        new(published.DefinitionId, published.Version, published.Name, parsed.Description,
            parsed.Inputs.Select(InputResponse.From).ToList(), published.PublishedAt, published.SourceFile, published.Json);
}

/// <summary>An input a start may give; the type is named as in definition files ("date", "dateTime").</summary>
public sealed record InputResponse(string Name, string Type, bool Required, JsonNode? Default, string? Description)
{
    public static InputResponse From(InputDeclaration input) =>
        new(input.Name, Values.TypeName(input.Type), input.Required, input.Default?.DeepClone(), input.Description);
}
