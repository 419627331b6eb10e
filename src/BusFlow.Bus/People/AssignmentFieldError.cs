using BusFlow.Bus.Model;

namespace BusFlow.Bus.People;

/// <summary>
/// A field of an assignment that cannot be saved as given: personId, role, boardId, bodyId, from or until.
/// An overlap names the assignment it overlaps and who holds it.
/// </summary>
public sealed record AssignmentFieldError(string Field, AssignmentProblem Problem, RoleAssignment? Overlapping = null, Person? OverlappingHolder = null);
