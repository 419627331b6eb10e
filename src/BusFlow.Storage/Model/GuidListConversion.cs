using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BusFlow.Storage.Model;

/// <summary>A list of ids kept as one text column, comma-separated, the same on every provider.</summary>
internal static class GuidListConversion
{
    public static ValueConverter<List<Guid>, string> Converter { get; } = new(
        list => string.Join(',', list),
        text => Parse(text));

    /// <summary>Compares by content so that a list changed in place is detected and saved.</summary>
    public static ValueComparer<List<Guid>> Comparer { get; } = new(
        (left, right) => ReferenceEquals(left, right) || (left != null && right != null && left.SequenceEqual(right)),
        list => list.Aggregate(0, (hash, id) => HashCode.Combine(hash, id)),
        list => list.ToList());

    private static List<Guid> Parse(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Guid.Parse)];
}
