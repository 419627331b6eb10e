using BusFlow.Bus.Cycles;
using BusFlow.Bus.Simulation;
using BusFlow.Engine.Simulation;
using NodaTime;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>
/// An example setup of examples/ imported on 1 December 2026, its cycles started as the host starts
/// them, and the whole mandate 2027–2030 run on the virtual clock once for a test class.
/// </summary>
public abstract class SimulatedMandate(string setupExample) : IAsyncLifetime
{
    public BusHarness Bus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bus = await BusHarness.StartAsync(new LocalDateTime(2026, 12, 1, 9, 0), setupExample);
        await AgreementCycles.EnsureStartedAsync(Bus.Runtime, Bus.Store, CancellationToken.None);
        await Bus.RunUntilAsync(new LocalDateTime(2031, 1, 2, 0, 0), People(new BoardResponder(Bus.Calendar, BusHarness.Stockholm)));
    }

    /// <summary>Who answers the tasks: the simulated board secretaries and everyone else.</summary>
    protected virtual ISimulatedResponder People(BoardResponder boards) => boards;

    public async Task DisposeAsync() => await Bus.DisposeAsync();
}
