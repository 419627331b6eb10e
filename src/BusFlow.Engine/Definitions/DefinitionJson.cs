using System.Text.Json.Nodes;

namespace BusFlow.Engine.Definitions;

/// <summary>
/// The JSON a definition was published with, read per activity: what a diagram shows of a step and what
/// a comparison holds against another version, exactly as the author wrote it rather than as parsed.
/// </summary>
public static class DefinitionJson
{
    /// <summary>Each activity's JSON object by activity id, found at the path the loader gave the activity.</summary>
    public static IReadOnlyDictionary<string, JsonObject> ActivityObjects(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var byPath = definition.Activities.Values.ToDictionary(a => a.JsonPath, a => a.Id, StringComparer.Ordinal);
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Walk(JsonNode.Parse(definition.Json), "$", byPath, found);
        return found;
    }

    /// <summary>The document's top-level object, for its name, description, inputs and variables.</summary>
    public static JsonObject Document(WorkflowDefinition definition) =>
        JsonNode.Parse(definition.Json) as JsonObject ?? [];

    /// <summary>Where an activity sits: the property of its parent that holds it, with the list index or map key ("activities[2]", "cases.approve").</summary>
    public static string Slot(ActivityNode node) =>
        node.Parent is { } parent ? node.JsonPath[(parent.JsonPath.Length + 1)..] : "root";

    /// <summary>The property of the parent that holds the activity, without index or key ("activities", "cases").</summary>
    public static string SlotProperty(ActivityNode node)
    {
        var slot = Slot(node);
        var end = slot.IndexOfAny(['[', '.']);
        return end < 0 ? slot : slot[..end];
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> byPath, Dictionary<string, JsonObject> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (byPath.TryGetValue(path, out var id))
                {
                    found[id] = obj;
                }

                foreach (var (key, value) in obj)
                {
                    Walk(value, $"{path}.{key}", byPath, found);
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], $"{path}[{i}]", byPath, found);
                }

                break;
        }
    }
}
