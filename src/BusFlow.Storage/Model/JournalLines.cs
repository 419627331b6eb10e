using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using BusFlow.Engine.Persistence;
using NodaTime.Text;

namespace BusFlow.Storage.Model;

/// <summary>
/// Packs journal lines into a <see cref="JournalBatch"/> and unpacks them: a JSON array of objects with
/// <c>sequence</c>, <c>at</c> (ISO instant in UTC), <c>kind</c> (the <see cref="JournalKind"/>'s name), <c>activityId</c>,
/// <c>actor</c> and <c>data</c> (the entry's JSON as written, or null). The migration that made batches of the
/// journal's old rows writes the same shape; keep the two alike.
/// </summary>
internal static class JournalLines
{
    private static readonly InstantPattern At = InstantPattern.ExtendedIso;

    // As the payloads themselves are written: names in Swedish stay readable in the database.
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>One batch per instance, its lines in sequence order.</summary>
    public static IEnumerable<JournalBatch> Pack(IReadOnlyList<JournalEntry> entries) =>
        entries.GroupBy(e => e.InstanceId).Select(lines => Pack(lines.Key, [.. lines.OrderBy(l => l.Sequence)]));

    public static IEnumerable<JournalEntry> Unpack(JournalBatch batch)
    {
        using var document = JsonDocument.Parse(batch.Lines);
        var entries = new List<JournalEntry>(batch.LineCount);
        foreach (var line in document.RootElement.EnumerateArray())
        {
            entries.Add(new JournalEntry
            {
                InstanceId = batch.InstanceId,
                Sequence = line.GetProperty("sequence").GetInt32(),
                At = At.Parse(line.GetProperty("at").GetString()!).Value,
                Kind = Enum.Parse<JournalKind>(line.GetProperty("kind").GetString()!),
                ActivityId = line.GetProperty("activityId").GetString(),
                Actor = line.GetProperty("actor").GetString()!,
                DataJson = line.GetProperty("data") is { ValueKind: not JsonValueKind.Null } data ? data.GetRawText() : null,
            });
        }

        return entries;
    }

    private static JournalBatch Pack(Guid instanceId, IReadOnlyList<JournalEntry> lines)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * lines.Count);
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartArray();
            foreach (var line in lines)
            {
                writer.WriteStartObject();
                writer.WriteNumber("sequence", line.Sequence);
                writer.WriteString("at", At.Format(line.At));
                writer.WriteString("kind", line.Kind.ToString());
                writer.WriteString("activityId", line.ActivityId);
                writer.WriteString("actor", line.Actor);
                writer.WritePropertyName("data");
                if (line.DataJson is { } data)
                {
                    writer.WriteRawValue(data);
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return new JournalBatch
        {
            InstanceId = instanceId,
            FirstSequence = lines[0].Sequence,
            LineCount = lines.Count,
            Lines = Encoding.UTF8.GetString(buffer.WrittenSpan),
        };
    }
}
