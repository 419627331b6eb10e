using System.Diagnostics;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// A round of the same operation by several clients at once: its wall time, each operation's latency, and what this
/// process spent on it (when measured) — CPU time and allocated memory, figures a busy or noisy machine moves less than
/// wall time, and the time the JIT and the collector took from it.
/// </summary>
internal sealed record LoadRound(int Count, TimeSpan Elapsed, double[] SortedMilliseconds, ProcessWork Work = default)
{
    /// <summary>Rounds in a row with almost no compiling that end a warm-up.</summary>
    private const int QuietRoundsNeeded = 3;

    /// <summary>The longest a warm-up runs when the JIT does not settle.</summary>
    private static readonly TimeSpan WarmUpAtMost = TimeSpan.FromSeconds(120);

    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>This process's CPU time per operation, in milliseconds, on all its threads (the JIT and the collector included).</summary>
    public double CpuMillisecondsEach => Work.Cpu.TotalMilliseconds / Count;

    /// <summary>Memory this process allocated per operation, in kilobytes.</summary>
    public double AllocatedKilobytesEach => Work.AllocatedBytes / 1024.0 / Count;

    /// <summary>Time this process spent compiling during the round, in milliseconds; near zero once the JIT has settled.</summary>
    public double JitMilliseconds => Work.Jit.TotalMilliseconds;

    /// <summary>Time the collector paused this process during the round, in milliseconds.</summary>
    public double GcPauseMilliseconds => Work.GcPauses.TotalMilliseconds;

    public double P50 => WorkflowBenchmark.Percentile(SortedMilliseconds, 0.50);

    public double P99 => WorkflowBenchmark.Percentile(SortedMilliseconds, 0.99);

    public double Max => SortedMilliseconds.Length == 0 ? 0 : SortedMilliseconds[^1];

    /// <summary>
    /// Runs the operation in rounds until the JIT has settled — <see cref="QuietRoundsNeeded"/> rounds in a row that
    /// spend under 1 % of their time compiling — or <see cref="WarmUpAtMost"/> or the operations are up. Tiered compilation recompiles
    /// hot methods in the background long after their first calls: measured here, the engine's rounds spent 0.4–1 s
    /// of every second in the JIT for 35–40 s (some 4,700 instances), and a third of the process's CPU went to it
    /// 30–45 s after start. A round measured meanwhile measures the compiler as much as the engine. Counting the
    /// methods a round compiles, as this did before, stopped after a few seconds: the recompiling comes in bursts.
    /// </summary>
    public static async Task<WarmUp> WarmUpAsync(int clients, int atMostOperations, Func<int, Task> operation)
    {
        var roundSize = Math.Min(100, atMostOperations);
        var total = Stopwatch.StartNew();
        var done = 0;
        var quietRounds = 0;
        while (quietRounds < QuietRoundsNeeded && total.Elapsed < WarmUpAtMost && done < atMostOperations)
        {
            var offset = done;
            var round = await RunAsync(roundSize, clients, i => operation(offset + i));
            done += roundSize;
            quietRounds = round.Work.Jit < round.Elapsed * 0.01 ? quietRounds + 1 : 0;
        }

        return new WarmUp(done, total.Elapsed, quietRounds >= QuietRoundsNeeded);
    }

    /// <summary>Runs operations 0..count-1, each client taking the next one as soon as it is free.</summary>
    public static async Task<LoadRound> RunAsync(int count, int clients, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var next = -1;
        var before = ProcessWork.Now();
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
        var work = ProcessWork.Now() - before;
        Array.Sort(latencies);
        return new LoadRound(count, total.Elapsed, latencies, work);
    }
}
