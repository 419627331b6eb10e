using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;

namespace BusFlow.Engine.Design;

/// <summary>
/// A draft's JSON as a tree of steps the structured editor changes: add, remove and move steps, and
/// set a step's properties from form fields, guided by the activity registry's descriptors (so a
/// module's activities need no editor code). What it writes is the draft's JSON text; properties it
/// does not know are kept as they are.
/// </summary>
public sealed partial class DraftDocument
{
    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly JsonObject _root;
    private readonly ActivityRegistry _registry;

    private DraftDocument(JsonObject root, ActivityRegistry registry)
    {
        _root = root;
        _registry = registry;
    }

    /// <summary>The document, or null when the text is not a JSON object (the JSON editor must mend it first).</summary>
    public static DraftDocument? TryParse(string json, ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        try
        {
            return JsonNode.Parse(json, documentOptions: Reading) is JsonObject root ? new DraftDocument(root, registry) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => _root.ToJsonString(DefinitionDesigner.Written);

    /// <summary>Every step, depth first, in the order the definition lists them.</summary>
    public IReadOnlyList<DraftStep> Steps()
    {
        var steps = new List<DraftStep>();
        if (_root["root"] is JsonObject root)
        {
            Walk(root, 0, null, null, null, 0, 1, steps);
        }

        return steps;
    }

    public DraftStep? Find(string stepId) => Steps().FirstOrDefault(s => s.Id == stepId);

    /// <summary>The step's properties as form fields, in the descriptor's order; child steps are not fields.</summary>
    public IReadOnlyList<DraftField> Fields(string stepId)
    {
        if (FindNode(stepId) is not { } node || _registry.Find(Text(node, "type") ?? "")?.Descriptor is not { } descriptor)
        {
            return [];
        }

        return descriptor.Properties.Where(IsField).Select(spec => FieldOf(spec, node[spec.Name])).ToList();
    }

    /// <summary>
    /// Sets the step's properties from the form: "name" is a field's text, "name.ref" a reference chosen
    /// for it and "name.plus" a period added to it, "name.field" a field of an object. Nothing changes
    /// when a field cannot be read.
    /// </summary>
    public IReadOnlyList<DraftFieldError> SetFields(string stepId, IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (FindNode(stepId) is not { } node || _registry.Find(Text(node, "type") ?? "")?.Descriptor is not { } descriptor)
        {
            return [new DraftFieldError("", Says.That(nameof(DefinitionTexts.NoSuchStep), stepId))];
        }

        var errors = new List<DraftFieldError>();
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var spec in descriptor.Properties.Where(IsField))
        {
            values[spec.Name] = Read(spec, spec.Name, node[spec.Name], form, errors);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                node.Remove(name);
            }
            else if (!JsonNode.DeepEquals(node[name], value))
            {
                node[name] = value;
            }
        }

        return [];
    }

    /// <summary>Adds a step of <paramref name="type"/> to a container of <paramref name="parentId"/>: last in a list, or as a case's step.</summary>
    public string? Add(string parentId, string property, string type, string newId, string? key = null)
    {
        if (FindNode(parentId) is not { } parent || _registry.Find(type) is null)
        {
            return $"there is no step '{parentId}' or no activity type '{type}'";
        }

        if (!DefinitionLoader.NamePattern().IsMatch(newId) || FindNode(newId) is not null)
        {
            return $"'{newId}' is not a free step id: letters, digits, - and _, starting with a letter, and not used by another step";
        }

        var spec = _registry.Find(Text(parent, "type") ?? "")?.Descriptor.Property(property);
        var step = new JsonObject { ["type"] = type, ["id"] = newId };
        switch (spec?.Kind)
        {
            case PropertyKind.Activities:
                (parent[property] as JsonArray ?? (JsonArray)(parent[property] = new JsonArray())).Add(step);
                return null;
            case PropertyKind.Activity when parent[property] is null:
                parent[property] = step;
                return null;
            case PropertyKind.ActivityMap when !string.IsNullOrWhiteSpace(key):
                var map = parent[property] as JsonObject ?? (JsonObject)(parent[property] = new JsonObject());
                if (map.ContainsKey(key.Trim()))
                {
                    return $"'{key}' is already a case of '{parentId}'";
                }

                map[key.Trim()] = step;
                return null;
            default:
                return $"'{property}' of '{parentId}' takes no more steps";
        }
    }

    public bool Remove(string stepId)
    {
        if (FindNode(stepId) is not { Parent: { } container } node)
        {
            return false;
        }

        switch (container)
        {
            case JsonArray list:
                list.Remove(node);
                return true;
            case JsonObject owner:
                var name = owner.First(p => ReferenceEquals(p.Value, node)).Key;
                if (name == "root")
                {
                    return false;
                }

                owner.Remove(name);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Moves a step one place up (-1) or down (+1) among its siblings in a list.</summary>
    public bool Move(string stepId, int offset)
    {
        if (FindNode(stepId) is not { Parent: JsonArray list } node)
        {
            return false;
        }

        var index = list.IndexOf(node);
        var target = index + offset;
        if (target < 0 || target >= list.Count)
        {
            return false;
        }

        list.RemoveAt(index);
        list.Insert(target, node);
        return true;
    }

    /// <summary>
    /// The references a step can use: inputs, variables, the outputs of the steps before it (those
    /// that hold no steps of their own), the loops' locals around it, today and now.
    /// </summary>
    public IReadOnlyList<string> References(string stepId)
    {
        var references = new List<string>();
        references.AddRange(Names("inputs").Select(n => $"input.{n}"));
        references.AddRange(Names("variables").Select(n => $"var.{n}"));
        references.AddRange(Steps().TakeWhile(s => s.Id != stepId).Where(s => s.Containers.Count == 0).Select(s => $"output.{s.Id}"));
        for (var node = FindNode(stepId)?.Parent; node is not null; node = node.Parent)
        {
            if (node is JsonObject loop && _registry.Find(Text(loop, "type") ?? "")?.Descriptor is { } descriptor)
            {
                foreach (var spec in descriptor.Properties.Where(p => p.LocalNameFrom is not null))
                {
                    references.Add(Text(loop, spec.LocalNameFrom!) ?? spec.LocalNameDefault);
                }
            }
        }

        references.Add("today");
        references.Add("now");
        return references.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The step and the field an error's JSON path points into ("$.root.activities[0].reminders.maxAfter").</summary>
    public (string? StepId, string? Field) Locate(string jsonPath)
    {
        JsonNode? node = _root;
        string? stepId = null;
        var field = new List<string>();
        foreach (Match segment in PathSegment().Matches(jsonPath))
        {
            node = segment.Groups["index"].Success
                ? (node as JsonArray) is { } list && int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < list.Count ? list[i] : null
                : (node as JsonObject)?[segment.Groups["name"].Value];
            if (!segment.Groups["index"].Success)
            {
                field.Add(segment.Groups["name"].Value);
            }

            if (node is JsonObject step && Text(step, "type") is not null && Text(step, "id") is { } id)
            {
                stepId = id;
                field.Clear();
            }
        }

        return (stepId, field.Count == 0 ? null : string.Join('.', field.Take(2)));
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_$-]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();

    private static bool IsField(PropertySpec spec) => spec.Kind is PropertyKind.Expression or PropertyKind.Literal or PropertyKind.VariableName;

    private static DraftField FieldOf(PropertySpec spec, JsonNode? value)
    {
        if (spec.Kind == PropertyKind.Expression && value is JsonObject reference && reference["ref"] is JsonValue target
            && reference.All(p => p.Key is "ref" or "plus") && target.TryGetValue<string>(out var path)
            && (reference["plus"] is null || reference["plus"] is JsonValue plus && plus.TryGetValue<string>(out _)))
        {
            return new DraftField(spec, "", path, reference["plus"]?.GetValue<string>());
        }

        if (spec.Fields is { } fields && value is JsonObject obj && obj.All(p => fields.Any(f => f.Name == p.Key)))
        {
            return new DraftField(spec, "") { Fields = fields.Select(f => FieldOf(f, obj[f.Name])).ToList() };
        }

        if (spec.Fields is { } empty && value is null)
        {
            return new DraftField(spec, "") { Fields = empty.Select(f => FieldOf(f, null)).ToList() };
        }

        return new DraftField(spec, DraftFieldText.ToText(value, spec));
    }

    private static JsonNode? Read(PropertySpec spec, string name, JsonNode? current, IReadOnlyDictionary<string, string> form, List<DraftFieldError> errors)
    {
        if (spec.Kind == PropertyKind.Expression && form.GetValueOrDefault($"{name}.ref") is { Length: > 0 } reference)
        {
            var value = new JsonObject { ["ref"] = reference.Trim() };
            if (form.GetValueOrDefault($"{name}.plus") is { Length: > 0 } plus)
            {
                value["plus"] = plus.Trim();
            }

            return value;
        }

        if (spec.Fields is { } fields && form.Keys.Any(k => k.StartsWith($"{name}.", StringComparison.Ordinal) && fields.Any(f => k == $"{name}.{f.Name}")))
        {
            var obj = new JsonObject();
            foreach (var field in fields)
            {
                if (Read(field, $"{name}.{field.Name}", (current as JsonObject)?[field.Name], form, errors) is { } value)
                {
                    obj[field.Name] = value;
                }
            }

            return obj.Count == 0 ? null : obj;
        }

        if (!form.TryGetValue(name, out var text))
        {
            return current?.DeepClone();
        }

        // An unchanged field keeps the value as written: "P14D" stays a string even if it reads as something else.
        if (current is not null && DraftFieldText.ToText(current, spec) == text.Trim())
        {
            return current.DeepClone();
        }

        var (parsed, error) = DraftFieldText.FromText(text, spec);
        if (error is not null)
        {
            errors.Add(new DraftFieldError(name, error));
        }

        return parsed;
    }

    private IEnumerable<string> Names(string section) =>
        (_root[section] as JsonArray ?? []).OfType<JsonObject>().Select(d => Text(d, "name")).OfType<string>();

    private JsonObject? FindNode(string stepId)
    {
        return _root["root"] is JsonObject root ? Search(root) : null;

        JsonObject? Search(JsonObject node)
        {
            if (Text(node, "id") == stepId)
            {
                return node;
            }

            foreach (var child in Children(node))
            {
                if (Search(child.Step) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }

    private IEnumerable<(JsonObject Step, string Property, string? Key, int Position, int Siblings)> Children(JsonObject node)
    {
        if (_registry.Find(Text(node, "type") ?? "")?.Descriptor is not { } descriptor)
        {
            yield break;
        }

        foreach (var spec in descriptor.Properties)
        {
            switch (spec.Kind, node[spec.Name])
            {
                case (PropertyKind.Activity, JsonObject child):
                    yield return (child, spec.Name, null, 0, 1);
                    break;
                case (PropertyKind.Activities, JsonArray list):
                    var steps = list.OfType<JsonObject>().ToList();
                    for (var i = 0; i < steps.Count; i++)
                    {
                        yield return (steps[i], spec.Name, null, i, steps.Count);
                    }

                    break;
                case (PropertyKind.ActivityMap, JsonObject map):
                    foreach (var (key, value) in map)
                    {
                        if (value is JsonObject child)
                        {
                            yield return (child, spec.Name, key, 0, 1);
                        }
                    }

                    break;
            }
        }
    }

    private void Walk(JsonObject node, int depth, string? parentId, string? property, string? key, int position, int siblings, List<DraftStep> steps)
    {
        var type = Text(node, "type") ?? "";
        var id = Text(node, "id") ?? "";
        steps.Add(new DraftStep(id, type, depth, parentId, property, key, position, siblings, _registry.Find(type)?.Descriptor)
        {
            Caption = Text(node, "displayName") ?? Text(node, "title"),
        });
        foreach (var child in Children(node))
        {
            Walk(child.Step, depth + 1, id, child.Property, child.Key, child.Position, child.Siblings, steps);
        }
    }

    private static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
