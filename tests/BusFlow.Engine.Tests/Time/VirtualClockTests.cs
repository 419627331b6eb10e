using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Engine.Tests.Time;

public sealed class VirtualClockTests
{
    [Fact]
    public void Advancing_moves_the_clock_forward_and_never_back()
    {
        var start = Instant.FromUtc(2026, 11, 30, 8, 0);
        var clock = new VirtualClock(start);

        clock.Advance(Duration.FromHours(2));
        clock.AdvanceTo(start + Duration.FromHours(1));

        Assert.Equal(start + Duration.FromHours(2), clock.GetCurrentInstant());
    }

    /// <summary>
    /// The benchmark's clients share one clock, each moving it past its own timer: a client that moved it must
    /// not find it moved back by another that read it earlier.
    /// </summary>
    [Fact]
    public void After_advancing_the_clock_reads_at_least_that_instant_whatever_other_threads_do()
    {
        var clock = new VirtualClock(Instant.FromUnixTimeTicks(0));
        var foundBehind = 0;

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 2_000_000; i++)
            {
                var target = clock.GetCurrentInstant() + Duration.FromTicks(1 + (i % 3));
                clock.AdvanceTo(target);
                if (clock.GetCurrentInstant() < target)
                {
                    Interlocked.Increment(ref foundBehind);
                }
            }
        });

        Assert.Equal(0, foundBehind);
    }
}
