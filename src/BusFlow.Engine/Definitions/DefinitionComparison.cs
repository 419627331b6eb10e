using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BusFlow.Engine.Definitions;

/// <summary>
/// The differences between two versions of a definition, as a person reviewing a new version reads them:
/// the name and description, inputs and variables added, removed or changed, steps added or removed (by
/// activity id), steps moved to another parent or place, and each changed setting of a step with its
/// property path, old and new value. Child steps are compared as steps, never as settings of their parent.
/// </summary>
public static class DefinitionComparison
{
    // Swedish text stays readable (å, ä, ö not escaped); the result is shown, never parsed again.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<DefinitionDifference> Compare(WorkflowDefinition before, WorkflowDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var differences = new List<DefinitionDifference>();
        if (before.Name != after.Name)
        {
            differences.Add(new(DifferenceKind.NameChanged, "", before.Name, after.Name));
        }

        if (before.Description != after.Description)
        {
            differences.Add(new(DifferenceKind.DescriptionChanged, "", before.Description, after.Description));
        }

        var (oldDocument, newDocument) = (DefinitionJson.Document(before), DefinitionJson.Document(after));
        Declarations(oldDocument["inputs"], newDocument["inputs"], DifferenceKind.InputAdded, DifferenceKind.InputRemoved, DifferenceKind.InputChanged, differences);
        Declarations(oldDocument["variables"], newDocument["variables"], DifferenceKind.VariableAdded, DifferenceKind.VariableRemoved, DifferenceKind.VariableChanged, differences);
        Steps(before, after, differences);
        return differences;
    }

    /// <summary>A value as one line of JSON, text without its quotes; null when there was none.</summary>
    public static string Compact(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue text when text.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(Readable),
    };

    private static void Declarations(JsonNode? before, JsonNode? after, DifferenceKind added, DifferenceKind removed, DifferenceKind changed, List<DefinitionDifference> differences)
    {
        var (old, @new) = (ByName(before), ByName(after));
        foreach (var (name, declaration) in old.Where(d => !@new.ContainsKey(d.Key)))
        {
            differences.Add(new(removed, name, Compact(declaration), null));
        }

        foreach (var (name, declaration) in @new.Where(d => !old.ContainsKey(d.Key)))
        {
            differences.Add(new(added, name, null, Compact(declaration)));
        }

        foreach (var (name, declaration) in old.Where(d => @new.ContainsKey(d.Key)))
        {
            foreach (var (path, was, now) in Changes(declaration, @new[name], new HashSet<string>(StringComparer.Ordinal)))
            {
                differences.Add(new(changed, name, was, now) { Property = path });
            }
        }
    }

    private static Dictionary<string, JsonObject> ByName(JsonNode? declarations)
    {
        var byName = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var declaration in (declarations as JsonArray ?? []).OfType<JsonObject>())
        {
            if (declaration["name"] is JsonValue value && value.TryGetValue<string>(out var name))
            {
                byName.TryAdd(name, declaration);
            }
        }

        return byName;
    }

    private static void Steps(WorkflowDefinition before, WorkflowDefinition after, List<DefinitionDifference> differences)
    {
        foreach (var node in before.Activities.Values.Where(n => !after.Activities.ContainsKey(n.Id)))
        {
            differences.Add(new(DifferenceKind.StepRemoved, node.Id, Place(node), null) { ActivityType = node.Type });
        }

        foreach (var node in after.Activities.Values.Where(n => !before.Activities.ContainsKey(n.Id)))
        {
            differences.Add(new(DifferenceKind.StepAdded, node.Id, null, Place(node)) { ActivityType = node.Type });
        }

        var moved = Moved(before, after);
        var (oldObjects, newObjects) = (DefinitionJson.ActivityObjects(before), DefinitionJson.ActivityObjects(after));
        foreach (var node in before.Activities.Values.Where(n => after.Activities.ContainsKey(n.Id)))
        {
            var now = after.Activities[node.Id];
            if (moved.Contains(node.Id))
            {
                differences.Add(new(DifferenceKind.StepMoved, node.Id, Place(node), Place(now)) { ActivityType = now.Type });
            }

            var children = ChildProperties(before, node).Union(ChildProperties(after, now)).Append("id").ToHashSet(StringComparer.Ordinal);
            foreach (var (path, was, setting) in Changes(oldObjects[node.Id], newObjects[node.Id], children))
            {
                differences.Add(new(DifferenceKind.SettingChanged, node.Id, was, setting) { ActivityType = now.Type, Property = path });
            }
        }
    }

    /// <summary>
    /// The steps that moved: those under another parent or in another of its properties (or map key), and
    /// those whose order among the siblings both versions share changed — the fewest such, so a step
    /// inserted before others does not count them as moved.
    /// </summary>
    private static HashSet<string> Moved(WorkflowDefinition before, WorkflowDefinition after)
    {
        var moved = new HashSet<string>(StringComparer.Ordinal);
        var common = before.Activities.Values.Where(n => after.Activities.ContainsKey(n.Id)).ToList();
        foreach (var node in common)
        {
            var now = after.Activities[node.Id];
            var inList = DefinitionJson.Slot(node).EndsWith(']');
            if (node.Parent?.Id != now.Parent?.Id || DefinitionJson.SlotProperty(node) != DefinitionJson.SlotProperty(now)
                || (!inList && DefinitionJson.Slot(node) != DefinitionJson.Slot(now)))
            {
                moved.Add(node.Id);
            }
        }

        var stayed = common.Where(n => !moved.Contains(n.Id) && n.Parent is not null && DefinitionJson.Slot(n).EndsWith(']'));
        foreach (var siblings in stayed.GroupBy(n => (n.Parent!.Id, DefinitionJson.SlotProperty(n))))
        {
            var oldOrder = siblings.Select(n => n.Id).ToList();
            var newOrder = after.Activities.Values.Where(n => oldOrder.Contains(n.Id)).Select(n => n.Id).ToList();
            var kept = LongestCommonOrder(oldOrder, newOrder);
            moved.UnionWith(oldOrder.Where(id => !kept.Contains(id)));
        }

        return moved;
    }

    private static HashSet<string> LongestCommonOrder(List<string> first, List<string> second)
    {
        var lengths = new int[first.Count + 1, second.Count + 1];
        for (var i = first.Count - 1; i >= 0; i--)
        {
            for (var j = second.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = first[i] == second[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0, j = 0; i < first.Count && j < second.Count;)
        {
            if (first[i] == second[j])
            {
                kept.Add(first[i]);
                (i, j) = (i + 1, j + 1);
            }
            else if (lengths[i + 1, j] >= lengths[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return kept;
    }

    private static IEnumerable<string> ChildProperties(WorkflowDefinition definition, ActivityNode node) =>
        definition.Activities.Values.Where(n => n.Parent == node).Select(DefinitionJson.SlotProperty);

    private static string Place(ActivityNode node) => node.Parent is { } parent ? $"{parent.Id}.{DefinitionJson.Slot(node)}" : "root";

    /// <summary>Each leaf that differs, by property path; objects are followed key by key, anything else compared whole.</summary>
    private static List<(string Path, string? Before, string? After)> Changes(JsonObject before, JsonObject after, ISet<string> skipped)
    {
        var changes = new List<(string, string?, string?)>();
        foreach (var key in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Where(k => !skipped.Contains(k)))
        {
            Compare(key, before, after, key, changes);
        }

        return changes;
    }

    private static void Compare(string key, JsonObject before, JsonObject after, string path, List<(string, string?, string?)> changes)
    {
        var hadIt = before.TryGetPropertyValue(key, out var was);
        var hasIt = after.TryGetPropertyValue(key, out var now);
        if (hadIt && hasIt && was is JsonObject wasObject && now is JsonObject nowObject)
        {
            foreach (var inner in wasObject.Select(p => p.Key).Union(nowObject.Select(p => p.Key)))
            {
                Compare(inner, wasObject, nowObject, $"{path}.{inner}", changes);
            }
        }
        else if (hadIt != hasIt || !JsonNode.DeepEquals(was, now))
        {
            changes.Add((path, hadIt ? Compact(was) : null, hasIt ? Compact(now) : null));
        }
    }
}
