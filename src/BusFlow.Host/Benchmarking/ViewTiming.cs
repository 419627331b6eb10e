namespace BusFlow.Host.Benchmarking;

/// <summary>How fast one page answered over HTTP, signed in, after a warm-up: the median, the 95th percentile and the slowest.</summary>
public sealed record ViewTiming(string View, string Path, int StatusCode, int Count, double P50Milliseconds, double P95Milliseconds, double MaxMilliseconds);
