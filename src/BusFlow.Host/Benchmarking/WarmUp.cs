namespace BusFlow.Host.Benchmarking;

/// <summary>How a warm-up went: the operations it ran, for how long, and whether the JIT had settled when it stopped.</summary>
internal sealed record WarmUp(int Operations, TimeSpan Elapsed, bool Settled);
