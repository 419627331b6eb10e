using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BusFlow.Host.Api;

/// <summary>The API's JSON: camelCase names, enums as camelCase text, NodaTime values as ISO text.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Titles and messages are Swedish and quote names: keep å, ä, ö and ' readable. The API answers
        // application/json only, never HTML, so nothing needs escaping beyond what JSON itself requires.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new LocalTimeJsonConverter());
    }
}
