namespace BusFlow.Host.Benchmarking;

/// <summary>The whole platform benchmark of one run: the machine, every section and the targets it was held against.</summary>
public sealed record BenchmarkReport(MachineFacts Machine, IReadOnlyList<BenchmarkSection> Sections, IReadOnlyList<BenchmarkTarget> Targets)
{
    public BenchmarkSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);
}
