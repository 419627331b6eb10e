using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;
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
    public (JsonObject Data, IReadOnlyList<(string Name, DefinitionMessage Message)> Problems) Check(JsonObject? data) =>
        DeclaredValues.Check(
            Facts,
            data,
            name => Says.That(nameof(DefinitionTexts.FactRequired), name),
            name => Facts.Count == 0
                ? Says.That(nameof(DefinitionTexts.SignalCarriesNothing), name)
                : Says.That(nameof(DefinitionTexts.SignalCarriesNo), name, string.Join(", ", Facts.Select(f => f.Name))));

    internal static void Validate(JsonArray payload, ValidationReporter report)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < payload.Count; i++)
        {
            if (payload[i] is not JsonObject field)
            {
                report($"payload[{i}]", Says.That(nameof(DefinitionTexts.FactIsObject)));
                continue;
            }

            foreach (var unknown in field.Where(p => !FieldKeys.Contains(p.Key)))
            {
                report($"payload[{i}].{unknown.Key}", Says.That(nameof(DefinitionTexts.UnknownProperty), unknown.Key, string.Join(", ", FieldKeys)));
            }

            var name = field["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
            if (name is null || !TaskAnswerSpec.FieldName().IsMatch(name))
            {
                report($"payload[{i}].name", Says.That(nameof(DefinitionTexts.FactName)));
            }
            else if (!names.Add(name))
            {
                report($"payload[{i}].name", Says.That(nameof(DefinitionTexts.FactDeclaredTwice), name));
            }

            var typeName = field["type"] is JsonValue t && t.TryGetValue<string>(out var type) ? type : null;
            if (!Values.TryParseTypeName(typeName, out _))
            {
                report($"payload[{i}].type", Says.That(nameof(DefinitionTexts.NotAType), typeName ?? field["type"]?.ToJsonString(), string.Join(", ", Enum.GetValues<DataType>().Select(Values.TypeName))));
            }

            if (field["required"] is { } required && required.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                report($"payload[{i}].required", Says.That(nameof(DefinitionTexts.RequiredIsBoolean)));
            }
        }
    }
}
