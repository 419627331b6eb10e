using NodaTime;

namespace BusFlow.Engine.Simulation;

/// <summary>
/// A recurring job a host runs beside the workflows (the weekly digest, …), run by the simulator at
/// the moments the host would run it, so that a simulated year shows what the job would have done.
/// </summary>
public interface ISimulatedJob
{
    /// <summary>The first moment after <paramref name="now"/> at which running the job can make a difference.</summary>
    Instant NextAfter(Instant now);

    /// <summary>Runs the job once at the clock's current moment.</summary>
    Task RunAsync(CancellationToken ct);
}
