using System.Diagnostics;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// A round of the same operation by several clients at once: its wall time, each operation's latency, and what this
/// process spent on it in CPU time and allocated memory (when measured) — figures a busy or noisy machine moves less than wall time.
/// </summary>
internal sealed record LoadRound(int Count, TimeSpan Elapsed, double[] SortedMilliseconds, TimeSpan ProcessCpu = default, long AllocatedBytes = 0)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>This process's CPU time per operation, in milliseconds, on all its threads (the JIT and the collector included).</summary>
    public double CpuMillisecondsEach => ProcessCpu.TotalMilliseconds / Count;

    /// <summary>Memory this process allocated per operation, in kilobytes.</summary>
    public double AllocatedKilobytesEach => AllocatedBytes / 1024.0 / Count;

    public double P50 => WorkflowBenchmark.Percentile(SortedMilliseconds, 0.50);

    public double P99 => WorkflowBenchmark.Percentile(SortedMilliseconds, 0.99);

    public double Max => SortedMilliseconds.Length == 0 ? 0 : SortedMilliseconds[^1];

    /// <summary>
    /// Runs the operation in rounds until the JIT has settled (a round compiles almost no new method)
    /// or the time or the instances are up: tiered compilation rewrites hot methods for seconds after the first calls,
    /// and a measurement taken meanwhile measures the compiler as much as the engine.
    /// </summary>
    public static async Task<int> WarmUpAsync(int clients, TimeSpan atMost, int atMostOperations, Func<int, Task> operation)
    {
        var roundSize = Math.Min(100, atMostOperations);
        var total = Stopwatch.StartNew();
        var done = 0;
        while (total.Elapsed < atMost && done < atMostOperations)
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var offset = done;
            await RunAsync(roundSize, clients, i => operation(offset + i));
            done += roundSize;
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore < 10)
            {
                break;
            }
        }

        return done;
    }

    /// <summary>Runs operations 0..count-1, each client taking the next one as soon as it is free.</summary>
    public static async Task<LoadRound> RunAsync(int count, int clients, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, clients)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var single = Stopwatch.StartNew();
                await operation(i);
                latencies[i] = single.Elapsed.TotalMilliseconds;
            }
        })));
        total.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        Array.Sort(latencies);
        return new LoadRound(count, total.Elapsed, latencies, process.TotalProcessorTime - cpuBefore, allocated);
    }
}
