using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>
/// Hands a committed timer to whatever wakes the engine at its due time (Hangfire in a host).
/// Called only after the transaction that persisted the timer has committed.
/// </summary>
public interface ITimerScheduler
{
    void Schedule(Guid timerId, Instant dueAt);
}

/// <summary>For the simulator and tests that drive timers themselves from the database.</summary>
public sealed class NoTimerScheduler : ITimerScheduler
{
    public void Schedule(Guid timerId, Instant dueAt)
    {
    }
}
