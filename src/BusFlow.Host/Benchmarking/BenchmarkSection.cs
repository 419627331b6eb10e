namespace BusFlow.Host.Benchmarking;

/// <summary>
/// One part of the platform benchmark: its figures by name (rates per second, milliseconds, megabytes),
/// a note on how it was measured, or why it was skipped.
/// </summary>
public sealed record BenchmarkSection(string Name, string Title, IReadOnlyDictionary<string, double> Figures, string? Note = null, string? Skipped = null)
{
    public static BenchmarkSection Skip(string name, string title, string why) => new(name, title, new Dictionary<string, double>(), null, why);

    public double? Figure(string key) => Figures.TryGetValue(key, out var value) ? value : null;
}
