using BusFlow.Bus.Model;

namespace BusFlow.Host.Api.Agreements;

/// <summary>A party: boardId or organizationId (one of the two), an optional representative (a person's id), and decides or consulted.</summary>
public sealed record AgreementPartyRequest(string? BoardId, string? OrganizationId, string? RepresentativeId, PartyInvolvement? Involvement);
