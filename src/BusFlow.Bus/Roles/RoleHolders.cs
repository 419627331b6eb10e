using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Roles;

/// <summary>Who holds a role on a day, read from role assignments: pure functions, no storage.</summary>
public static class RoleHolders
{
    /// <summary>
    /// The assignment by which someone holds a role on a board or in a body on a day, or null when
    /// nobody does. The id matches either the assignment's board or its body. When several
    /// assignments overlap that day, the one that started latest wins (a new chair from 1 January
    /// before the old one's end was recorded); on the same start day, the later in the sequence.
    /// </summary>
    public static RoleAssignment? HolderOn(IEnumerable<RoleAssignment> assignments, RoleKind role, string boardOrBodyId, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentException.ThrowIfNullOrEmpty(boardOrBodyId);

        RoleAssignment? holder = null;
        foreach (var assignment in assignments)
        {
            var matches = assignment.Role == role
                && (assignment.BoardId == boardOrBodyId || assignment.BodyId == boardOrBodyId)
                && assignment.IsHeldOn(day);
            if (matches && (holder is null || assignment.From >= holder.From))
            {
                holder = assignment;
            }
        }

        return holder;
    }
}
