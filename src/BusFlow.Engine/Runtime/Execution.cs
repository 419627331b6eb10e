using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>An instance loaded into a session: its row, its definition snapshot and its live state.</summary>
internal sealed class Execution(WorkflowInstance instance, WorkflowDefinition definition, ExecutionState state, JsonObject input)
{
    public WorkflowInstance Instance { get; } = instance;
    public WorkflowDefinition Definition { get; } = definition;
    public ExecutionState State { get; } = state;
    public JsonObject Input { get; } = input;

    public JsonNode? Resolve(Frame frame, IReadOnlyList<string> segments, Instant now, DateTimeZone zone)
    {
        var root = segments[0] switch
        {
            "now" => Values.FromInstant(now),
            "today" => Values.FromDate(now.InZone(zone).Date),
            "instance" when segments.Count > 1 && segments[1] == "id" => JsonValue.Create(Instance.Id.ToString()),
            "instance" when segments.Count > 1 && segments[1] == "correlationKey" => Instance.CorrelationKey is { } key ? JsonValue.Create(key) : null,
            "input" when segments.Count > 1 => Input[segments[1]],
            "var" when segments.Count > 1 => FindVariableOwner(frame, segments[1])?[segments[1]],
            "output" when segments.Count > 1 => FindOutput(frame, segments[1]),
            _ => null,
        };
        var skip = segments[0] is "now" or "today" or "instance" ? segments.Count : 2;
        return Drill(root, segments.Skip(skip));
    }

    /// <summary>The object that holds a variable: the nearest frame's locals that name it, else the instance's variables.</summary>
    public JsonObject? FindVariableOwner(Frame? frame, string name)
    {
        for (var current = frame; current is not null; current = current.ParentId is { } parent ? State.FindFrame(parent) : null)
        {
            if (current.Locals?.ContainsKey(name) == true)
            {
                return current.Locals;
            }
        }

        return State.Variables.ContainsKey(name) ? State.Variables : null;
    }

    /// <summary>An activity's output as seen from a frame: from the nearest enclosing round that has one, else the latest.</summary>
    private JsonNode? FindOutput(Frame frame, string activityId)
    {
        for (Frame? current = frame; current is not null; current = current.ParentId is { } parent ? State.FindFrame(parent) : null)
        {
            if (current.RoundOutputs?.TryGetPropertyValue(activityId, out var output) == true)
            {
                return output;
            }
        }

        return State.Outputs[activityId];
    }

    /// <summary>The frame of the round (ForEach item or While round) a frame runs in, if any.</summary>
    public Frame? EnclosingRound(Frame frame)
    {
        for (var current = frame.ParentId is { } parent ? State.FindFrame(parent) : null; current is not null; current = current.ParentId is { } next ? State.FindFrame(next) : null)
        {
            if (current.Locals is not null)
            {
                return current;
            }
        }

        return null;
    }

    private static JsonNode? Drill(JsonNode? node, IEnumerable<string> path)
    {
        foreach (var segment in path)
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }
}
