using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BusFlow.Storage.Model;

/// <summary>
/// A list of strings kept as one JSON array in a text column, the same on every provider
/// (EF's own primitive collections would become a <c>text[]</c> on PostgreSQL).
/// </summary>
internal static class StringListConversion
{
    /// <summary>Letters such as å, ä and ö stay readable in the column instead of becoming \u escapes.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static ValueConverter<List<string>, string> Converter { get; } = new(
        list => Serialize(list),
        json => Deserialize(json));

    /// <summary>Compares by content so that a list changed in place is detected and saved.</summary>
    public static ValueComparer<List<string>> Comparer { get; } = new(
        (left, right) => AreEqual(left, right),
        list => HashOf(list),
        list => list.ToList());

    private static string Serialize(List<string> list) => JsonSerializer.Serialize(list, JsonOptions);

    private static List<string> Deserialize(string json) => JsonSerializer.Deserialize<List<string>>(json, JsonOptions) ?? [];

    private static bool AreEqual(List<string>? left, List<string>? right) =>
        ReferenceEquals(left, right) || (left is not null && right is not null && left.SequenceEqual(right, StringComparer.Ordinal));

    private static int HashOf(List<string> list)
    {
        var hash = default(HashCode);
        foreach (var item in list)
        {
            hash.Add(item, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
