using BusFlow.Bus.Cycles;
using BusFlow.Bus.Model;
using BusFlow.Host.Api.Instances;
using NodaTime;

namespace BusFlow.Host.Api.Agreements;

/// <summary>An agreement with its parties, whether its cycles run, and its workflow instances (oldest first).</summary>
/// <param name="PartyBoardIds">The boards that decide (each decides and its chair signs).</param>
/// <param name="Parties">Every party in order: a board or another organization, deciding or consulted, with its representative.</param>
public sealed record AgreementResponse(
    string Id,
    string Title,
    LocalDate ValidFrom,
    LocalDate ValidUntil,
    AgreementStatus Status,
    string? OrganizationId,
    string? BodyId,
    AgreementCycleShape Cycle,
    IReadOnlyList<string> PartyBoardIds,
    IReadOnlyList<AgreementPartyResponse> Parties,
    IReadOnlyList<string> Recipients,
    bool CyclesRun,
    IReadOnlyList<InstanceSummary> Instances)
{
    public static AgreementResponse Of(AgreementCycleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var agreement = state.Agreement;
        return new(agreement.Id, agreement.Title, agreement.ValidFrom, agreement.ValidUntil, agreement.Status,
            agreement.OrganizationId, agreement.BodyId, agreement.Cycle, agreement.PartyBoardIds,
            [.. state.Parties.Select(p => new AgreementPartyResponse(p.BoardId, p.OrganizationId, p.RepresentativeId, p.Involvement))],
            agreement.Recipients, state.CyclesRun, [.. state.Instances.Select(InstanceSummary.From)]);
    }
}
