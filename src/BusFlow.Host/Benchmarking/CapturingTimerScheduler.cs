using System.Runtime.CompilerServices;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// Schedules nothing (the benchmark fires timers itself) but tells the client that caused a timer its
/// id and due instant, so that each client fires its own timer without a query: the engine hands the new
/// timer here, and it lands in the box the client opened before its answer.
/// </summary>
internal sealed class CapturingTimerScheduler : ITimerScheduler
{
    private static readonly CallFlowBox<ScheduledTimer> Current = new();

    public static StrongBox<ScheduledTimer> Capture() => Current.Open();

    public void Schedule(Guid timerId, Instant dueAt) => Current.Fill(new ScheduledTimer(timerId, dueAt));
}
