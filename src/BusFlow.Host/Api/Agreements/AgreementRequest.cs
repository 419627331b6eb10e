using BusFlow.Bus.Agreements;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Host.Api.Agreements;

/// <summary>An agreement as an administrator enters or changes it.</summary>
/// <param name="Status">draft or active; left out, a new agreement is a draft and a changed one keeps its status.</param>
/// <param name="Parties">Every party in order: a board or another organization, deciding or consulted; the deciding boards decide and sign.</param>
/// <param name="Recipients">The boards and organizations the decision is sent to.</param>
public sealed record AgreementRequest(
    string? Title,
    string? OrganizationId,
    LocalDate? ValidFrom,
    LocalDate? ValidUntil,
    AgreementStatus? Status,
    string? BodyId,
    AgreementCycleShape? Cycle,
    IReadOnlyList<AgreementPartyRequest>? Parties,
    IReadOnlyList<string>? Recipients,
    string? PredecessorId)
{
    public AgreementDraft ToDraft() => new(
        Title, OrganizationId, ValidFrom, ValidUntil, Status, BodyId, Cycle,
        [.. (Parties ?? []).Select(p => new AgreementPartyDraft(p.BoardId, p.OrganizationId, p.RepresentativeId, p.Involvement))],
        Recipients ?? [], PredecessorId);
}
