using BusFlow.Bus.Model;

namespace BusFlow.Bus.People;

/// <summary>Which roles have one seat on a board or in a body, and when two assignments of one would clash.</summary>
public static class SeatRules
{
    /// <summary>Chair, vice chair, secretary and head of administration are held by one person at a time; members and co-opted members by many.</summary>
    public static bool HasOneSeat(RoleKind role) => role is not (RoleKind.Member or RoleKind.CoOptedMember);

    /// <summary>Whether two assignments share at least one day; an open end goes on for ever.</summary>
    public static bool ShareADay(RoleAssignment a, RoleAssignment b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.From <= (b.Until ?? NodaTime.LocalDate.MaxIsoValue) && b.From <= (a.Until ?? NodaTime.LocalDate.MaxIsoValue);
    }
}
