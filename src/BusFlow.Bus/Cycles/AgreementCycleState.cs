using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Bus.Cycles;

/// <summary>An agreement, its parties in order, and every workflow instance it takes part in, oldest first.</summary>
public sealed record AgreementCycleState(Agreement Agreement, IReadOnlyList<AgreementParty> Parties, IReadOnlyList<WorkflowInstance> Instances)
{
    public IEnumerable<WorkflowInstance> Live => Instances.Where(AgreementCycleControl.IsLive);

    /// <summary>Whether its annual wheel or its renewal is running now.</summary>
    public bool CyclesRun => Live.Any(i => i.DefinitionId is AgreementCycles.AnnualCycleWorkflow or AgreementCycles.RenewalWorkflow);
}
