using System.Diagnostics;
using System.Runtime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// What this process has spent so far, on all its threads: CPU time, memory allocated, time compiling (the JIT,
/// tiered recompilation in the background included) and time paused by the collector. The difference of two
/// readings is what a round cost; the last two say whether the round measured the engine or the runtime beneath it.
/// </summary>
internal readonly record struct ProcessWork(TimeSpan Cpu, long AllocatedBytes, TimeSpan Jit, TimeSpan GcPauses)
{
    public static ProcessWork Now()
    {
        using var process = Process.GetCurrentProcess();
        return new(process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), JitInfo.GetCompilationTime(), GC.GetTotalPauseDuration());
    }

    public static ProcessWork operator -(ProcessWork after, ProcessWork before) =>
        new(after.Cpu - before.Cpu, after.AllocatedBytes - before.AllocatedBytes, after.Jit - before.Jit, after.GcPauses - before.GcPauses);
}
