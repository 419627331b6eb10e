using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Definitions.Texts;

namespace BusFlow.Engine.Design;

/// <summary>
/// A property's JSON value as the text of a form field and back: text as it is, a list of plain words
/// or numbers as "14, 7, 2", anything else as compact JSON. An empty field leaves the property out.
/// </summary>
internal static class DraftFieldText
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToText(JsonNode? value, PropertySpec spec) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonArray list when spec.Type == DataType.List && list.All(IsPlainItem) => string.Join(", ", list.Select(i => i is JsonValue s && s.TryGetValue<string>(out var t) ? t : i!.ToJsonString())),
        _ => value.ToJsonString(Compact),
    };

    /// <summary>The value for the field's text, or why it cannot be one.</summary>
    public static (JsonNode? Value, DefinitionMessage? Error) FromText(string text, PropertySpec spec)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (text[0] is '{' or '[' || spec.Type is DataType.Object or DataType.Any && text[0] is '"')
        {
            try
            {
                return (JsonNode.Parse(text), null);
            }
            catch (JsonException error)
            {
                return spec.Type is DataType.String ? (JsonValue.Create(text), null) : (null, Says.That(nameof(DefinitionTexts.FieldNotValidJson), error.Message.Split(". ")[0]));
            }
        }

        return spec.Type switch
        {
            DataType.Boolean => text is "true" or "false" ? (JsonValue.Create(text == "true"), null) : (null, Says.That(nameof(DefinitionTexts.TrueOrFalse))),
            DataType.Integer => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? (JsonValue.Create(whole), null) : (null, Says.That(nameof(DefinitionTexts.FieldWholeNumber))),
            DataType.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? (JsonValue.Create(number), null) : (null, Says.That(nameof(DefinitionTexts.FieldNumber))),
            DataType.List => (new JsonArray([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Item)]), null),
            DataType.Object => (null, Says.That(nameof(DefinitionTexts.FieldObjectJson))),
            _ => (JsonValue.Create(text), null),
        };
    }

    private static bool IsPlainItem(JsonNode? item) =>
        item is JsonValue value && (value.TryGetValue<string>(out var text) ? !text.Contains(',', StringComparison.Ordinal) && text.Trim() == text && text.Length > 0 && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) : value.GetValueKind() == JsonValueKind.Number);

    private static JsonNode Item(string item) =>
        decimal.TryParse(item, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? (number == decimal.Truncate(number) ? JsonValue.Create((long)number) : JsonValue.Create(number))
            : JsonValue.Create(item);
}
