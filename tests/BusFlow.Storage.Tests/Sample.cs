using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Storage.Tests;

/// <summary>Rows with every required field set, for tests to adjust.</summary>
internal static class Sample
{
    /// <summary>An instant with microseconds, the finest precision PostgreSQL keeps.</summary>
    public static readonly Instant T0 = Instant.FromUtc(2025, 3, 30, 0, 59, 59).PlusNanoseconds(123_456_000);

    public static PublishedDefinition Definition(string definitionId = "ansokan", int version = 1) => new()
    {
        DefinitionId = definitionId,
        Version = version,
        Name = "Ansökan om skolskjuts",
        Json = """{"steps":[{"id":"granska"}]}""",
        ContentHash = $"sha256:{definitionId}:{version}",
        SourceFile = $"workflows/{definitionId}.json",
        PublishedAt = T0,
    };

    public static WorkflowInstance Instance(PublishedDefinition definition, string? correlationKey = null, Instant? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        DefinitionId = definition.DefinitionId,
        DefinitionVersion = definition.Version,
        CorrelationKey = correlationKey,
        Status = InstanceStatus.Running,
        InputJson = """{"elev":"19990101-0000"}""",
        StateJson = "{}",
        CreatedAt = createdAt ?? T0,
        UpdatedAt = createdAt ?? T0,
    };

    public static Bookmark Bookmark(WorkflowInstance instance, BookmarkKind kind = BookmarkKind.Timer, Instant? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        FrameId = 1,
        ActivityId = "vanta",
        Kind = kind,
        CreatedAt = createdAt ?? T0,
    };

    public static DurableTimer Timer(WorkflowInstance instance, Instant dueAt, TimerStatus status = TimerStatus.Pending) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        BookmarkId = Guid.NewGuid(),
        ActivityId = "vanta",
        DueAt = dueAt,
        Status = status,
        CreatedAt = T0,
    };

    public static HumanTask Task(
        WorkflowInstance instance,
        string assignee = "handlaggare",
        HumanTaskStatus status = HumanTaskStatus.Open,
        Instant? createdAt = null) => new()
        {
            Id = Guid.NewGuid(),
            InstanceId = instance.Id,
            BookmarkId = Guid.NewGuid(),
            ActivityId = "granska",
            Assignee = assignee,
            Title = "Granska ansökan",
            Outcomes = ["Bevilja", "Avslå"],
            Status = status,
            CreatedAt = createdAt ?? T0,
        };

    public static JournalEntry Journal(WorkflowInstance instance, int sequence, JournalKind kind = JournalKind.ActivityStarted) => new()
    {
        InstanceId = instance.Id,
        Sequence = sequence,
        At = T0.Plus(Duration.FromSeconds(sequence)),
        Kind = kind,
        Actor = "system",
    };
}
