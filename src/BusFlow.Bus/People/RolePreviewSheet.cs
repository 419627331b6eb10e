using NodaTime;

namespace BusFlow.Bus.People;

/// <summary>The roles of a board or a body today and on a later (or earlier) day, one line a role.</summary>
public sealed record RolePreviewSheet(string Id, string Name, LocalDate Today, LocalDate On, IReadOnlyList<RolePreviewLine> Lines)
{
    public bool Changes => Lines.Any(l => l.Changes);
}
