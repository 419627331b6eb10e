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
    /// <summary>When the spring reviews of 2027–2030 start: the first working day of February at 08:00.</summary>
    public static readonly IReadOnlyList<LocalDateTime> SpringStarts =
        [new(2027, 2, 1, 8, 0), new(2028, 2, 1, 8, 0), new(2029, 2, 1, 8, 0), new(2030, 2, 1, 8, 0)];

    /// <summary>When the autumn plannings start: 17 August, or the Monday after (2030-08-17 is a Saturday).</summary>
    public static readonly IReadOnlyList<LocalDateTime> AutumnStarts =
        [new(2027, 8, 17, 8, 0), new(2028, 8, 17, 8, 0), new(2029, 8, 17, 8, 0), new(2030, 8, 19, 8, 0)];

    public BusHarness Bus { get; private set; } = null!;

    /// <summary>When the instances of a workflow were started, in order, local time.</summary>
    public async Task<IReadOnlyList<LocalDateTime>> StartsOfAsync(string workflow) =>
        [.. (await Bus.InstancesAsync(workflow)).Select(i => BusHarness.Local(i.CreatedAt)).Order()];

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
