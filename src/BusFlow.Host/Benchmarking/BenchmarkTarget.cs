namespace BusFlow.Host.Benchmarking;

/// <summary>A target of issue 15 next to the figure measured for it; <see cref="Met"/> is null when the figure was not measured.</summary>
public sealed record BenchmarkTarget(string Target, string Measured, bool? Met);
