using BusFlow.Bus.Simulation;
using BusFlow.Engine.Simulation;

namespace BusFlow.Bus.Tests.Workflows;

/// <summary>The Partille-like example's mandate, with Elev-BUS giving <see cref="Opinion"/> when it is heard.</summary>
public sealed class BroadCollaborationMandate() : SimulatedMandate("bergdala-broad-collaboration.yaml")
{
    public const string Opinion = "Elev-BUS vill att trygghetsvandringarna vid skolorna fortsätter.";

    protected override ISimulatedResponder People(BoardResponder boards) => new ConsultingResponder(boards, Opinion);
}
