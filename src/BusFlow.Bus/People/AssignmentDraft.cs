using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.People;

/// <summary>A role assignment as someone entered it: a person, a role on a board or in a body, and its days (Until inclusive, none while it goes on).</summary>
public sealed record AssignmentDraft(string? PersonId, RoleKind? Role, string? BoardId, string? BodyId, LocalDate? From, LocalDate? Until);
