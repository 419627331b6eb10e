using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BusFlow.Storage.Bus;

/// <summary>
/// A rotation order (slots of board ids, <c>[["sn"],["bun","kun"]]</c>) kept as one JSON array of
/// arrays in a text column, the same on every provider.
/// </summary>
internal static class RotationOrderConversion
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static ValueConverter<List<List<string>>, string> Converter { get; } = new(
        order => Serialize(order),
        json => Deserialize(json));

    /// <summary>Compares slot by slot, so that an order changed in place is detected and saved.</summary>
    public static ValueComparer<List<List<string>>> Comparer { get; } = new(
        (left, right) => AreEqual(left, right),
        order => HashOf(order),
        order => Snapshot(order));

    private static string Serialize(List<List<string>> order) => JsonSerializer.Serialize(order, JsonOptions);

    private static List<List<string>> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<List<string>>>(json, JsonOptions) ?? [];

    private static List<List<string>> Snapshot(List<List<string>> order) => [.. order.Select(slot => slot.ToList())];

    private static bool AreEqual(List<List<string>>? left, List<List<string>>? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null && left.Count == right.Count
            && left.Zip(right).All(pair => pair.First.SequenceEqual(pair.Second, StringComparer.Ordinal)));

    private static int HashOf(List<List<string>> order)
    {
        var hash = default(HashCode);
        foreach (var slot in order)
        {
            hash.Add(slot.Count);
            foreach (var board in slot)
            {
                hash.Add(board, StringComparer.Ordinal);
            }
        }

        return hash.ToHashCode();
    }
}
