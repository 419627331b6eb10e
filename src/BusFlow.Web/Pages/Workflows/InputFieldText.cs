using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Definitions;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>A workflow input's form field read as the input's type, for the start form and the preview.</summary>
internal static class InputFieldText
{
    /// <summary>Text as it is; numbers, truth values, lists and objects read as JSON; null when the text is not of the type.</summary>
    public static JsonNode? Read(DataType type, string text)
    {
        try
        {
            return type switch
            {
                DataType.Number or DataType.Integer or DataType.Boolean or DataType.List or DataType.Object => JsonNode.Parse(text),
                DataType.Any when text[0] is '{' or '[' => JsonNode.Parse(text),
                _ => JsonValue.Create(text),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A type as a definition names it ("date", "list"); text for a name it does not know.</summary>
    public static DataType TypeNamed(string name) => Enum.TryParse<DataType>(name, ignoreCase: true, out var type) ? type : DataType.String;
}
