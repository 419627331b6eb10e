using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Agreements;

/// <summary>
/// An agreement's particulars as a person entered them, before they are checked. A null status keeps the
/// agreement's own on a change and makes a new one a draft.
/// </summary>
public sealed record AgreementDraft(
    string? Title,
    string? OrganizationId,
    LocalDate? ValidFrom,
    LocalDate? ValidUntil,
    AgreementStatus? Status,
    string? BodyId,
    AgreementCycleShape? Cycle,
    IReadOnlyList<AgreementPartyDraft> Parties,
    IReadOnlyList<string> Recipients,
    string? PredecessorId = null);
