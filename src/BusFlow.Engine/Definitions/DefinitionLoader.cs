using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions.Texts;
using BusFlow.Engine.Expressions;

namespace BusFlow.Engine.Definitions;

/// <summary>
/// Reads definition files and checks them completely: every mistake is reported with file, JSON path
/// and a plain reason, all at once, so an administrator fixes a file in one round.
/// </summary>
public sealed partial class DefinitionLoader(ActivityRegistry registry)
{
    public const string SchemaFileSuffix = ".schema.json";

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] TopLevelKeys = ["$schema", "id", "version", "name", "description", "inputs", "variables", "root"];
    private static readonly string[] CommonActivityKeys = ["type", "id", "displayName"];

    /// <summary>
    /// Loads every definition in a folder, file by file: the valid files' definitions come back beside
    /// the broken files' errors, so that one broken file does not hold back the others.
    /// </summary>
    public LoadResult LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new LoadResult([], [new DefinitionError(folder, "$", Says.That(nameof(DefinitionTexts.FolderMissing)))]);
        }

        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
        var definitions = new List<WorkflowDefinition>();
        var errors = new List<DefinitionError>();
        var seen = new Dictionary<(string, int), string>();
        foreach (var file in files)
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            var result = Load(File.ReadAllText(file), display);
            errors.AddRange(result.Errors);
            foreach (var definition in result.Definitions)
            {
                if (seen.TryGetValue((definition.Id, definition.Version), out var other))
                {
                    errors.Add(new DefinitionError(display, "$.version", Says.That(nameof(DefinitionTexts.VersionDefinedTwice), definition.Id, definition.Version, other)));
                    continue;
                }

                seen[(definition.Id, definition.Version)] = display;
                definitions.Add(definition);
            }
        }

        return new LoadResult(definitions, errors);
    }

    /// <summary>Parses one definition's JSON text.</summary>
    public LoadResult Load(string json, string file)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException error)
        {
            var message = error.LineNumber is { } line
                ? Says.That(nameof(DefinitionTexts.NotValidJsonAt), line + 1, (error.BytePositionInLine ?? 0) + 1, FirstSentence(error.Message))
                : Says.That(nameof(DefinitionTexts.NotValidJson), FirstSentence(error.Message));
            return new LoadResult([], [new DefinitionError(file, error.Path ?? "$", message)]);
        }

        var errors = new List<DefinitionError>();
        var definition = new Reader(registry, file, json, errors).Read(document);
        return errors.Count > 0 || definition is null
            ? new LoadResult([], errors)
            : new LoadResult([definition], []);
    }

    /// <summary>A stable fingerprint of a definition's content, insensitive to whitespace and comments.</summary>
    public static string ContentHash(string json)
    {
        var canonical = JsonNode.Parse(json, documentOptions: DocumentOptions)?.ToJsonString() ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    internal static partial Regex DefinitionIdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    internal static partial Regex NamePattern();

    private sealed class Reader(ActivityRegistry registry, string file, string json, List<DefinitionError> errors)
    {
        private readonly Dictionary<string, ActivityNode> _activities = new(StringComparer.Ordinal);
        private readonly HashSet<string> _activityIds = new(StringComparer.Ordinal);

        private void Error(string path, DefinitionMessage message) => errors.Add(new DefinitionError(file, path, message));

        public WorkflowDefinition? Read(JsonNode? document)
        {
            if (document is not JsonObject root)
            {
                Error("$", Says.That(nameof(DefinitionTexts.DefinitionIsObject)));
                return null;
            }

            foreach (var unknown in root.Where(p => !TopLevelKeys.Contains(p.Key)))
            {
                Error($"$.{unknown.Key}", Says.That(nameof(DefinitionTexts.UnknownProperty), unknown.Key, string.Join(", ", TopLevelKeys)));
            }

            var id = RequiredText(root, "id", "$.id");
            if (id is not null && !DefinitionIdPattern().IsMatch(id))
            {
                Error("$.id", Says.That(nameof(DefinitionTexts.InvalidDefinitionId), id));
            }

            var version = 0;
            if (root["version"] is not JsonValue versionValue || !versionValue.TryGetValue(out version) || version < 1)
            {
                Error("$.version", root.ContainsKey("version") ? Says.That(nameof(DefinitionTexts.VersionFromOne)) : Says.That(nameof(DefinitionTexts.PropertyRequired), "version"));
            }

            var name = RequiredText(root, "name", "$.name");
            var inputs = ReadInputs(root["inputs"]);
            var variables = ReadVariables(root["variables"]);
            if (root["root"] is null)
            {
                Error("$.root", Says.That(nameof(DefinitionTexts.RootRequired)));
                return null;
            }

            CollectIds(root["root"], "$.root");
            var scope = new ExpressionScope(
                inputs.ToDictionary(i => i.Name, i => i.Type, StringComparer.Ordinal),
                variables.ToDictionary(v => v.Name, v => v.Type, StringComparer.Ordinal),
                _activityIds);
            var rootNode = ReadActivity(root["root"], "$.root", null, scope);
            if (rootNode is null || id is null || name is null || version < 1)
            {
                return null;
            }

            return new WorkflowDefinition
            {
                Id = id,
                Version = version,
                Name = name,
                Description = root["description"] is JsonValue d && d.TryGetValue<string>(out var description) ? description : null,
                Inputs = inputs,
                Variables = variables,
                Root = rootNode,
                Activities = _activities,
                Json = json,
                SourceFile = file,
            };
        }

        private string? RequiredText(JsonObject obj, string key, string path)
        {
            if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            {
                return text;
            }

            Error(path, obj.ContainsKey(key) ? Says.That(nameof(DefinitionTexts.NonEmptyText), key) : Says.That(nameof(DefinitionTexts.PropertyRequired), key));
            return null;
        }

        private List<InputDeclaration> ReadInputs(JsonNode? node)
        {
            var result = new List<InputDeclaration>();
            foreach (var (item, path) in Declarations(node, "$.inputs"))
            {
                var (name, type) = ReadDeclaration(item, path, ["name", "type", "required", "default", "description"], result.Select(i => i.Name));
                if (name is null)
                {
                    continue;
                }

                var required = item["required"] is JsonValue r && r.TryGetValue<bool>(out var flag) && flag;
                CheckDefault(item, type, path);
                result.Add(new InputDeclaration(name, type, required, item["default"]?.DeepClone(), item["description"]?.GetValue<string>()));
            }

            return result;
        }

        private List<VariableDeclaration> ReadVariables(JsonNode? node)
        {
            var result = new List<VariableDeclaration>();
            foreach (var (item, path) in Declarations(node, "$.variables"))
            {
                var (name, type) = ReadDeclaration(item, path, ["name", "type", "default", "description"], result.Select(v => v.Name));
                if (name is null)
                {
                    continue;
                }

                CheckDefault(item, type, path);
                result.Add(new VariableDeclaration(name, type, item["default"]?.DeepClone()));
            }

            return result;
        }

        private IEnumerable<(JsonObject Item, string Path)> Declarations(JsonNode? node, string path)
        {
            if (node is null)
            {
                yield break;
            }

            if (node is not JsonArray array)
            {
                Error(path, Says.That(nameof(DefinitionTexts.ExpectedDeclarationList)));
                yield break;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject item)
                {
                    yield return (item, $"{path}[{i}]");
                }
                else
                {
                    Error($"{path}[{i}]", Says.That(nameof(DefinitionTexts.ExpectedDeclaration)));
                }
            }
        }

        private (string? Name, DataType Type) ReadDeclaration(JsonObject item, string path, string[] allowed, IEnumerable<string> taken)
        {
            foreach (var unknown in item.Where(p => !allowed.Contains(p.Key)))
            {
                Error($"{path}.{unknown.Key}", Says.That(nameof(DefinitionTexts.UnknownProperty), unknown.Key, string.Join(", ", allowed)));
            }

            var name = RequiredText(item, "name", $"{path}.name");
            if (name is not null && !NamePattern().IsMatch(name))
            {
                Error($"{path}.name", Says.That(nameof(DefinitionTexts.InvalidName), name));
                name = null;
            }
            else if (name is not null && taken.Contains(name))
            {
                Error($"{path}.name", Says.That(nameof(DefinitionTexts.DeclaredTwice), name));
                name = null;
            }

            var typeName = item["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
            if (!Values.TryParseTypeName(typeName, out var type))
            {
                var known = string.Join(", ", Enum.GetValues<DataType>().Select(Values.TypeName));
                Error($"{path}.type", typeName is null ? Says.That(nameof(DefinitionTexts.TypeRequired), known) : Says.That(nameof(DefinitionTexts.UnknownType), typeName, known));
            }

            return (name, type);
        }

        private void CheckDefault(JsonObject item, DataType type, string path)
        {
            if (item.ContainsKey("default") && Values.CheckLiteral(item["default"], type) is { } problem)
            {
                Error($"{path}.default", problem);
            }
        }

        /// <summary>First pass: every activity id, so that references to later activities resolve.</summary>
        private void CollectIds(JsonNode? node, string path)
        {
            if (node is not JsonObject obj)
            {
                return;
            }

            if (obj["id"] is JsonValue v && v.TryGetValue<string>(out var id) && !_activityIds.Add(id))
            {
                Error($"{path}.id", Says.That(nameof(DefinitionTexts.ActivityIdTwice), id));
            }

            var type = obj["type"] is JsonValue t && t.TryGetValue<string>(out var typeName) ? registry.Find(typeName) : null;
            foreach (var spec in type?.Descriptor.Properties ?? [])
            {
                var child = obj[spec.Name];
                switch (spec.Kind)
                {
                    case PropertyKind.Activity:
                        CollectIds(child, $"{path}.{spec.Name}");
                        break;
                    case PropertyKind.Activities when child is JsonArray list:
                        for (var i = 0; i < list.Count; i++)
                        {
                            CollectIds(list[i], $"{path}.{spec.Name}[{i}]");
                        }

                        break;
                    case PropertyKind.ActivityMap when child is JsonObject map:
                        foreach (var (key, value) in map)
                        {
                            CollectIds(value, $"{path}.{spec.Name}.{key}");
                        }

                        break;
                }
            }
        }

        private ActivityNode? ReadActivity(JsonNode? raw, string path, ActivityNode? parent, ExpressionScope scope)
        {
            if (raw is not JsonObject obj)
            {
                Error(path, Says.That(nameof(DefinitionTexts.ExpectedActivity)));
                return null;
            }

            var typeName = RequiredText(obj, "type", $"{path}.type");
            var id = RequiredText(obj, "id", $"{path}.id");
            if (id is not null && !NamePattern().IsMatch(id))
            {
                Error($"{path}.id", Says.That(nameof(DefinitionTexts.InvalidActivityId), id));
            }

            var type = typeName is null ? null : registry.Find(typeName);
            if (typeName is not null && type is null)
            {
                var known = string.Join(", ", registry.Types.Select(t => t.Descriptor.Type).Order(StringComparer.Ordinal));
                Error($"{path}.type", Says.That(nameof(DefinitionTexts.UnknownActivityType), typeName, known));
            }

            if (type is null || id is null)
            {
                return null;
            }

            var node = new ActivityNode(id, type.Descriptor.Type, path, parent);
            _activities.TryAdd(id, node);
            var descriptor = type.Descriptor;
            foreach (var unknown in obj.Where(p => !CommonActivityKeys.Contains(p.Key) && descriptor.Property(p.Key) is null))
            {
                var allowed = string.Join(", ", descriptor.Properties.Select(p => p.Name));
                Error($"{path}.{unknown.Key}", Says.That(nameof(DefinitionTexts.UnknownActivityProperty), unknown.Key, descriptor.Type, allowed));
            }

            foreach (var spec in descriptor.Properties)
            {
                var propertyPath = $"{path}.{spec.Name}";
                if (!obj.ContainsKey(spec.Name))
                {
                    if (spec.Required)
                    {
                        Error(propertyPath, Says.That(nameof(DefinitionTexts.ActivityPropertyRequired), spec.Name, descriptor.Type));
                    }

                    continue;
                }

                ReadProperty(node, spec, obj, propertyPath, scope);
            }

            type.Validate(node, obj, (subPath, message) => Error(subPath.Length == 0 ? path : $"{path}.{subPath}", message));
            return node;
        }

        private void ReadProperty(ActivityNode node, PropertySpec spec, JsonObject obj, string path, ExpressionScope scope)
        {
            var value = obj[spec.Name];
            var childScope = spec.LocalNameFrom is { } localFrom
                ? LocalScope(scope, obj[localFrom], spec.LocalNameDefault)
                : scope;
            switch (spec.Kind)
            {
                case PropertyKind.Expression:
                    node.SetExpression(spec.Name, ExpressionParser.Parse(value, spec.Type, scope, path, Error));
                    break;
                case PropertyKind.Literal:
                    if (Values.CheckLiteral(value, spec.Type) is { } problem)
                    {
                        Error(path, problem);
                    }
                    else if (spec.AllowedValues is { } allowed && !allowed.Contains(Values.ToText(value)))
                    {
                        Error(path, Says.That(nameof(DefinitionTexts.ValueNotAllowed), Values.ToText(value), string.Join(", ", allowed)));
                    }
                    else
                    {
                        node.SetLiteral(spec.Name, ToLiteral(value, spec.Type));
                    }

                    break;
                case PropertyKind.VariableName:
                    var variable = value is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;
                    if (variable is null || !scope.Variables.ContainsKey(variable))
                    {
                        Error(path, variable is null ? Says.That(nameof(DefinitionTexts.ExpectedVariableName)) : Says.That(nameof(DefinitionTexts.UndeclaredVariableName), variable));
                    }
                    else
                    {
                        node.SetLiteral(spec.Name, variable);
                    }

                    break;
                case PropertyKind.Activity:
                    if (ReadActivity(value, path, node, childScope) is { } child)
                    {
                        node.SetChild(spec.Name, child);
                    }

                    break;
                case PropertyKind.Activities when value is JsonArray list:
                    node.SetChildList(spec.Name, list
                        .Select((item, i) => ReadActivity(item, $"{path}[{i}]", node, childScope))
                        .OfType<ActivityNode>()
                        .ToList());
                    break;
                case PropertyKind.ActivityMap when value is JsonObject map:
                    var children = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
                    foreach (var (key, item) in map)
                    {
                        if (ReadActivity(item, $"{path}.{key}", node, childScope) is { } mapped)
                        {
                            children[key] = mapped;
                        }
                    }

                    node.SetChildMap(spec.Name, children);
                    break;
                case PropertyKind.Activities:
                    Error(path, Says.That(nameof(DefinitionTexts.ExpectedActivityList)));
                    break;
                case PropertyKind.ActivityMap:
                    Error(path, Says.That(nameof(DefinitionTexts.ExpectedActivityMap)));
                    break;
            }
        }

        private static ExpressionScope LocalScope(ExpressionScope scope, JsonNode? nameNode, string defaultName)
        {
            var name = nameNode is JsonValue v && v.TryGetValue<string>(out var s) ? s : defaultName;
            return scope.WithLocal(name, DataType.Any).WithLocal($"{name}Index", DataType.Integer);
        }

        // Each arm is cast to object: JsonNode converts implicitly from bool, long and string, and
        // would otherwise become the switch's type and wrap every literal back into a JsonValue.
        private static object? ToLiteral(JsonNode? value, DataType type) => value is null
            ? null
            : type switch
            {
                DataType.Boolean => (object)value.GetValue<bool>(),
                DataType.Integer => (object)value.GetValue<long>(),
                DataType.Number => (object)value.GetValue<decimal>(),
                DataType.List or DataType.Object or DataType.Any => value.DeepClone(),
                _ => (object)Values.ToText(value),
            };
    }
}

public sealed record LoadResult(IReadOnlyList<WorkflowDefinition> Definitions, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
