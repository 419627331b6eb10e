using NodaTime;

namespace BusFlow.Engine.Persistence;

/// <summary>A point where an instance waits: for a task outcome, a timer, a child workflow or a signal.</summary>
public sealed class Bookmark
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public long FrameId { get; set; }
    public required string ActivityId { get; set; }
    public BookmarkKind Kind { get; set; }
    public Instant CreatedAt { get; set; }
}

public enum BookmarkKind
{
    Task = 0,
    Timer = 1,
    ChildWorkflow = 2,
    Signal = 3,
}
