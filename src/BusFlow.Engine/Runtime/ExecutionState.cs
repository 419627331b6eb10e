using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// Everything an instance needs to go on after a restart: variables, outputs, the activities in
/// progress (frames) and the work not yet done (agenda). Serialized into the instance row.
/// </summary>
public sealed class ExecutionState
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public JsonObject Variables { get; set; } = [];
    public JsonObject Outputs { get; set; } = [];
    public List<Frame> Frames { get; set; } = [];
    public List<WorkItem> Agenda { get; set; } = [];
    public long NextFrameId { get; set; } = 1;

    public Frame? FindFrame(long id) => Frames.Find(f => f.Id == id);

    public string Serialize() => JsonSerializer.Serialize(this, SerializerOptions);

    public static ExecutionState Deserialize(string json) =>
        JsonSerializer.Deserialize<ExecutionState>(json, SerializerOptions)
        ?? throw new InvalidOperationException("An instance's execution state is empty.");
}

/// <summary>An activity in progress, with its own state and the locals its children see.</summary>
public sealed class Frame
{
    public long Id { get; set; }
    public required string ActivityId { get; set; }
    public long? ParentId { get; set; }
    public JsonObject Data { get; set; } = [];
    public JsonObject? Locals { get; set; }

    /// <summary>
    /// On the frame of one ForEach or While round: the outputs of the activities that completed in
    /// that round, so that output.x inside a parallel round means this round's x.
    /// </summary>
    public JsonObject? RoundOutputs { get; set; }
    public List<FrameWait> Waits { get; set; } = [];
}

/// <summary>A bookmark a frame waits on, with the timer, task, child instance or signal behind it.</summary>
public sealed record FrameWait(Guid BookmarkId, BookmarkKind Kind, Guid? TimerId = null, Guid? TaskId = null, Guid? ChildInstanceId = null, string? Signal = null);

public enum WorkKind
{
    Execute,
    ChildCompleted,
    Resume,
}

public sealed class WorkItem
{
    public long FrameId { get; set; }
    public WorkKind Kind { get; set; }
    public long? ChildFrameId { get; set; }
    public string? ChildActivityId { get; set; }
    public JsonNode? Payload { get; set; }
}
