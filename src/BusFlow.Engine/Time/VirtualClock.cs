using NodaTime;

namespace BusFlow.Engine.Time;

/// <summary>A clock that only moves when told: the simulator runs years of a workflow in seconds with it.</summary>
public sealed class VirtualClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    /// <summary>Moves the clock forward to an instant; never backward.</summary>
    public void AdvanceTo(Instant instant)
    {
        if (instant > GetCurrentInstant())
        {
            Interlocked.Exchange(ref _ticks, instant.ToUnixTimeTicks());
        }
    }

    public void Advance(Duration duration) => AdvanceTo(GetCurrentInstant() + duration);
}
