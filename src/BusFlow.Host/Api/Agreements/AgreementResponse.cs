using BusFlow.Bus.Cycles;
using BusFlow.Bus.Model;
using BusFlow.Host.Api.Instances;
using NodaTime;

namespace BusFlow.Host.Api.Agreements;

/// <summary>An agreement with whether its cycles run, and its workflow instances (oldest first).</summary>
public sealed record AgreementResponse(
    string Id,
    string Title,
    LocalDate ValidFrom,
    LocalDate ValidUntil,
    AgreementStatus Status,
    IReadOnlyList<string> PartyBoardIds,
    IReadOnlyList<string> Recipients,
    bool CyclesRun,
    IReadOnlyList<InstanceSummary> Instances)
{
    public static AgreementResponse Of(AgreementCycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var agreement = state.Agreement;
        return new(agreement.Id, agreement.Title, agreement.ValidFrom, agreement.ValidUntil, agreement.Status,
            agreement.PartyBoardIds, agreement.Recipients, state.CyclesRun, [.. state.Instances.Select(InstanceSummary.From)]);
    }
}
