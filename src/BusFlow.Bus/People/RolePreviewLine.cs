using BusFlow.Bus.Model;

namespace BusFlow.Bus.People;

/// <summary>One role on a board or in a body: who holds it today and who on the day looked at, and whether that differs.</summary>
public sealed record RolePreviewLine(RoleKind Role, IReadOnlyList<Person> Today, IReadOnlyList<Person> OnDay)
{
    /// <summary>Someone takes the role, leaves it or hands it over between today and the day.</summary>
    public bool Changes => !Today.Select(p => p.Id).Order(StringComparer.Ordinal).SequenceEqual(OnDay.Select(p => p.Id).Order(StringComparer.Ordinal));
}
