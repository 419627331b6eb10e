using BusFlow.Bus.Model;

namespace BusFlow.Bus.Boards;

/// <summary>An organization as a person entered it: a municipality, a region, a federation, or another party (the police).</summary>
public sealed record OrganizationDraft(string? Name, OrganizationKind? Kind);
