using BusFlow.Bus.Model;

namespace BusFlow.Host.Api.Agreements;

/// <summary>A party to an agreement: a board or another organization (one of the two), with whoever represents it.</summary>
public sealed record AgreementPartyResponse(string? BoardId, string? OrganizationId, string? RepresentativeId, PartyInvolvement Involvement);
