using System.Text.Json.Nodes;

namespace BusFlow.Host.Api.Instances;

/// <summary>POST /api/instances: which definition (its latest version unless one is named), with what input.</summary>
public sealed record StartInstanceRequest(string? DefinitionId, int? Version, JsonObject? Input, string? CorrelationKey);

/// <summary>POST /api/instances/{id}/cancel; the body is optional.</summary>
public sealed record CancelInstanceRequest(string? Reason);
