using NodaTime;

namespace BusFlow.Engine.Persistence;

/// <summary>One run of a published definition. Its execution state is a JSON snapshot.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public string? CorrelationKey { get; set; }
    public InstanceStatus Status { get; set; }
    public required string InputJson { get; set; }
    public required string StateJson { get; set; }
    public string? OutputJson { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
    public Instant? FinishedAt { get; set; }
    public string? FaultMessage { get; set; }
    public string? FaultActivityId { get; set; }
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentBookmarkId { get; set; }
    public int JournalLength { get; set; }

    /// <summary>Optimistic concurrency token: two resumes of one instance never interleave.</summary>
    public int Version { get; set; }
}

public enum InstanceStatus
{
    Running = 0,
    Waiting = 1,
    Completed = 2,
    Faulted = 3,
    Cancelled = 4,
}
