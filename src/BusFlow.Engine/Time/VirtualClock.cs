using NodaTime;

namespace BusFlow.Engine.Time;

/// <summary>A clock that only moves when told: the simulator runs years of a workflow in seconds with it.</summary>
public sealed class VirtualClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    /// <summary>
    /// Moves the clock forward to an instant; never backward, also when several threads move it at once
    /// (a plain check-then-set let a thread that read the clock earlier set it back over a later one).
    /// </summary>
    public void AdvanceTo(Instant instant)
    {
        var target = instant.ToUnixTimeTicks();
        var seen = Interlocked.Read(ref _ticks);
        while (target > seen)
        {
            var before = Interlocked.CompareExchange(ref _ticks, target, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }

    public void Advance(Duration duration) => AdvanceTo(GetCurrentInstant() + duration);
}
