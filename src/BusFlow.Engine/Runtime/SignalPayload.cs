using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;

namespace BusFlow.Engine.Runtime;

/// <summary>The facts a WaitForSignal declares: what a signal must and may carry.</summary>
public sealed record SignalPayload(IReadOnlyList<InputDeclaration> Facts)
{
    private static readonly string[] FieldKeys = ["name", "type", "required", "description"];

    public static SignalPayload From(JsonArray? payload) =>
        new(payload?.OfType<JsonObject>().Select(f => new InputDeclaration(
                f["name"]!.GetValue<string>(),
                Values.TryParseTypeName(f["type"]?.GetValue<string>(), out var type) ? type : DataType.Any,
                f["required"]?.GetValue<bool>() ?? false,
                Default: null,
                f["description"]?.GetValue<string>())).ToList()
            ?? []);

    /// <summary>The signal's data as the workflow gets it, and each problem with its fact ("date") and why.</summary>
    public (JsonObject Data, IReadOnlyList<(string Name, string Message)> Problems) Check(JsonObject? data) =>
        DeclaredValues.Check(
            Facts,
            data,
            name => $"'{name}' is required",
            name => Facts.Count == 0
                ? $"this signal carries no data, but '{name}' was sent"
                : $"this signal carries no '{name}' (it carries {string.Join(", ", Facts.Select(f => f.Name))})");

    internal static void Validate(JsonArray payload, ValidationReporter report)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < payload.Count; i++)
        {
            if (payload[i] is not JsonObject field)
            {
                report($"payload[{i}]", "a fact is an object such as { \"name\": \"date\", \"type\": \"date\", \"required\": true }");
                continue;
            }

            foreach (var unknown in field.Where(p => !FieldKeys.Contains(p.Key)))
            {
                report($"payload[{i}].{unknown.Key}", $"unknown property '{unknown.Key}' (allowed: {string.Join(", ", FieldKeys)})");
            }

            var name = field["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
            if (name is null || !TaskAnswerSpec.FieldName().IsMatch(name))
            {
                report($"payload[{i}].name", "a fact's name is a letter, then letters and digits, e.g. \"date\"");
            }
            else if (!names.Add(name))
            {
                report($"payload[{i}].name", $"the fact '{name}' is declared twice");
            }

            var typeName = field["type"] is JsonValue t && t.TryGetValue<string>(out var type) ? type : null;
            if (!Values.TryParseTypeName(typeName, out _))
            {
                report($"payload[{i}].type", $"'{typeName ?? field["type"]?.ToJsonString()}' is not a type (use one of {string.Join(", ", Enum.GetValues<DataType>().Select(Values.TypeName))})");
            }

            if (field["required"] is { } required && required.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                report($"payload[{i}].required", "'required' is true or false");
            }
        }
    }
}
