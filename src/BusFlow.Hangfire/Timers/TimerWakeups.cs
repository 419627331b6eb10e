using NodaTime;

namespace BusFlow.Hangfire.Timers;

/// <summary>
/// The moments this node wakes itself to fire the timers it scheduled, a helper on top of the
/// durable Hangfire job (<see cref="HangfireTimerScheduler"/>): nothing is lost with it, since a
/// timer it does not fire is fired by its second's job. Due times are rounded up to a quarter of a
/// second, so timers due close together are fired in one pass; only the next <see cref="Horizon"/>
/// is held, so a node's memory does not grow with timers due next month.
/// </summary>
public sealed class TimerWakeups
{
    public static readonly Duration Horizon = Duration.FromHours(1);

    internal static readonly Duration Step = Duration.FromMilliseconds(250);

    private readonly SortedSet<Instant> _moments = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _earlier = NewSignal();

    /// <summary>Wakes this node at <paramref name="dueAt"/> (rounded up to <see cref="Step"/>) if that is within the horizon.</summary>
    public void Arm(Instant dueAt, Instant now)
    {
        if (dueAt - now > Horizon)
        {
            return;
        }

        var step = Step.BclCompatibleTicks;
        var moment = Instant.FromUnixTimeTicks((dueAt.ToUnixTimeTicks() + step - 1) / step * step);
        lock (_lock)
        {
            if (_moments.Add(moment) && moment == _moments.Min)
            {
                _earlier.TrySetResult();
                _earlier = NewSignal();
            }
        }
    }

    /// <summary>The next moment to wake at, and a task that completes when an earlier one is armed.</summary>
    internal (Instant? Next, Task Earlier) Next()
    {
        lock (_lock)
        {
            return (_moments.Count == 0 ? null : _moments.Min, _earlier.Task);
        }
    }

    /// <summary>Forgets every moment up to <paramref name="reached"/>: the pass that follows fires all that is due.</summary>
    internal void Reached(Instant reached)
    {
        lock (_lock)
        {
            _moments.RemoveWhere(m => m <= reached);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
