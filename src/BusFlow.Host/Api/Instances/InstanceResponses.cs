using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Host.Api.Instances;

/// <summary>An instance as lists show it.</summary>
public sealed record InstanceSummary(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    InstanceStatus Status,
    string? CorrelationKey,
    Instant CreatedAt,
    Instant UpdatedAt,
    Instant? FinishedAt)
{
    public static InstanceSummary From(WorkflowInstance instance) =>
        new(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.CorrelationKey,
            instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt);
}

/// <summary>An instance with its input, output, variables and, when it faulted, why.</summary>
public sealed record InstanceDetail(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    InstanceStatus Status,
    string? CorrelationKey,
    Guid? ParentInstanceId,
    Instant CreatedAt,
    Instant UpdatedAt,
    Instant? FinishedAt,
    InstanceFault? Fault,
    JsonNode? Input,
    JsonNode? Output,
    JsonObject Variables)
{
    public static InstanceDetail From(WorkflowInstance instance) =>
        new(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.CorrelationKey,
            instance.ParentInstanceId, instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt,
            instance.FaultMessage is { } message ? new InstanceFault(message, instance.FaultActivityId) : null,
            ParseJson(instance.InputJson),
            ParseJson(instance.OutputJson),
            ExecutionState.Deserialize(instance.StateJson).Variables);

    private static JsonNode? ParseJson(string? json) => json is null ? null : JsonNode.Parse(json);
}

public sealed record InstanceFault(string Message, string? ActivityId);

/// <summary>One line of an instance's journal; data is the entry's own JSON.</summary>
public sealed record JournalEntryResponse(int Sequence, Instant At, JournalKind Kind, string? ActivityId, string Actor, JsonNode? Data)
{
    public static JournalEntryResponse From(JournalEntry entry) =>
        new(entry.Sequence, entry.At, entry.Kind, entry.ActivityId, entry.Actor, entry.DataJson is null ? null : JsonNode.Parse(entry.DataJson));
}

/// <summary>Where a signal went: the instance it reached (the one signalled or a child of it) and the activity it resumed.</summary>
public sealed record SignalDeliveryResponse(Guid InstanceId, string ActivityId, InstanceStatus InstanceStatus);
