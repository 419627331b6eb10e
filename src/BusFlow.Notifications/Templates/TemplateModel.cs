using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BusFlow.Notifications.Templates;

/// <summary>
/// Turns a JSON model into what Fluid walks natively: dictionaries, lists, strings, decimals and
/// booleans. Numbers become decimals so that they are written in the template's culture.
/// </summary>
public static class TemplateModel
{
    public static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => ToDictionary(obj),
        JsonArray array => array.Select(ToClr).ToList(),
        JsonValue value => ToPrimitive(value),
        _ => node.ToJsonString(),
    };

    public static Dictionary<string, object?> ToDictionary(JsonObject obj)
    {
        var result = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
        foreach (var (key, child) in obj)
        {
            result[key] = ToClr(child);
        }

        return result;
    }

    private static object? ToPrimitive(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString());
            case JsonValueKind.Number:
                var json = value.ToJsonString();
                return decimal.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return value.ToJsonString();
        }
    }
}
