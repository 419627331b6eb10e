using BusFlow.Bus.Model;

namespace BusFlow.Bus.Agreements;

/// <summary>A party as entered: a board or an organization (one of the two), whoever represents it, and how it takes part.</summary>
public sealed record AgreementPartyDraft(string? BoardId, string? OrganizationId, string? RepresentativeId, PartyInvolvement? Involvement);
