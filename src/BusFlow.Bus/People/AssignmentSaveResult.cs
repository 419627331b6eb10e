using BusFlow.Bus.Model;

namespace BusFlow.Bus.People;

/// <summary>The assignment as saved, or why nothing was saved: the fields in error, or no such assignment.</summary>
public sealed record AssignmentSaveResult(RoleAssignment? Assignment, IReadOnlyList<AssignmentFieldError> Errors)
{
    public bool Found => Assignment is not null || Errors.Count > 0;

    public static AssignmentSaveResult NotFound { get; } = new(null, []);
}
