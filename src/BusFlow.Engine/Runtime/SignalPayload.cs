using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;

namespace BusFlow.Engine.Runtime;

/// <summary>The facts a WaitForSignal declares: what a signal must and may carry.</summary>
public sealed partial record SignalPayload(IReadOnlyList<SignalField> Fields)
{
    private static readonly string[] FieldKeys = ["name", "type", "required", "description"];

    public static SignalPayload From(JsonNode? payload) =>
        new(payload is JsonArray fields
            ? fields.OfType<JsonObject>().Select(f => new SignalField(
                f["name"]!.GetValue<string>(),
                Values.TryParseTypeName(f["type"]?.GetValue<string>(), out var type) ? type : DataType.Any,
                f["required"]?.GetValue<bool>() ?? false)).ToList()
            : []);

    /// <summary>What is wrong with a signal's data: each problem with its field ("date") and why.</summary>
    public IReadOnlyList<AnswerProblem> Check(JsonObject? data)
    {
        var problems = new List<AnswerProblem>();
        foreach (var field in Fields)
        {
            var value = data?[field.Name];
            if (value is null)
            {
                if (field.Required)
                {
                    problems.Add(new AnswerProblem(field.Name, $"'{field.Name}' is required"));
                }

                continue;
            }

            if (Values.CheckLiteral(value, field.Type) is { } problem)
            {
                problems.Add(new AnswerProblem(field.Name, problem));
            }
        }

        foreach (var unknown in data?.Where(p => Fields.All(f => f.Name != p.Key)) ?? [])
        {
            problems.Add(new AnswerProblem(unknown.Key, Fields.Count == 0
                ? $"this signal carries no data, but '{unknown.Key}' was sent"
                : $"this signal carries no '{unknown.Key}' (it carries {string.Join(", ", Fields.Select(f => f.Name))})"));
        }

        return problems;
    }

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
            if (name is null || !NamePattern().IsMatch(name))
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

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9]*$")]
    internal static partial Regex NamePattern();
}

public sealed record SignalField(string Name, DataType Type, bool Required);
