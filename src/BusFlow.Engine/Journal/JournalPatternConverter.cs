using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;

namespace BusFlow.Engine.Journal;

/// <summary>A NodaTime value as the journal stores it: text in one fixed pattern, never the culture's form.</summary>
internal sealed class JournalPatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        pattern.Parse(reader.GetString() ?? "").GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(pattern.Format(value));
}
