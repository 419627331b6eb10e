using System.Runtime.CompilerServices;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// Schedules nothing (the benchmark fires timers itself) but tells the client that caused a timer its
/// id and due instant, so that each client fires its own timer without a query: a box set before the answer
/// flows with the client's async calls into the engine, which hands the new timer here.
/// </summary>
internal sealed class CapturingTimerScheduler : ITimerScheduler
{
    private static readonly AsyncLocal<StrongBox<ScheduledTimer>?> Current = new();

    public static StrongBox<ScheduledTimer> Capture()
    {
        var box = new StrongBox<ScheduledTimer>();
        Current.Value = box;
        return box;
    }

    public void Schedule(Guid timerId, Instant dueAt)
    {
        if (Current.Value is { } box)
        {
            box.Value = new ScheduledTimer(timerId, dueAt);
        }
    }
}
