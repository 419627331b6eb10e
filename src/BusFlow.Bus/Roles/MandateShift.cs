using BusFlow.Bus.Mandates;
using BusFlow.Bus.Model;

namespace BusFlow.Bus.Roles;

/// <summary>
/// Builds the two assignments of a role changing hands when a mandate period ends: the outgoing
/// holder keeps it through the period's last day (31 December), the incoming one holds it from
/// 1 January with no end set. Both are new assignments, for a holder who held the role through the
/// whole outgoing period; the same person may be both, when re-elected.
/// </summary>
public static class MandateShift
{
    public static RoleHandOver ForBoard(string boardId, string outgoingPersonId, string incomingPersonId, MandatePeriod outgoingMandate, RoleKind role = RoleKind.Chair)
    {
        ArgumentException.ThrowIfNullOrEmpty(boardId);
        return Build(boardId, null, outgoingPersonId, incomingPersonId, outgoingMandate, role);
    }

    public static RoleHandOver ForBody(string bodyId, string outgoingPersonId, string incomingPersonId, MandatePeriod outgoingMandate, RoleKind role = RoleKind.Chair)
    {
        ArgumentException.ThrowIfNullOrEmpty(bodyId);
        return Build(null, bodyId, outgoingPersonId, incomingPersonId, outgoingMandate, role);
    }

    private static RoleHandOver Build(string? boardId, string? bodyId, string outgoingPersonId, string incomingPersonId, MandatePeriod outgoingMandate, RoleKind role)
    {
        ArgumentException.ThrowIfNullOrEmpty(outgoingPersonId);
        ArgumentException.ThrowIfNullOrEmpty(incomingPersonId);
        ArgumentNullException.ThrowIfNull(outgoingMandate);

        var outgoing = new RoleAssignment
        {
            Id = Guid.NewGuid(),
            PersonId = outgoingPersonId,
            Role = role,
            BoardId = boardId,
            BodyId = bodyId,
            From = outgoingMandate.Start,
            Until = outgoingMandate.End,
        };
        var incoming = new RoleAssignment
        {
            Id = Guid.NewGuid(),
            PersonId = incomingPersonId,
            Role = role,
            BoardId = boardId,
            BodyId = bodyId,
            From = outgoingMandate.End.PlusDays(1),
            Until = null,
        };
        return new RoleHandOver(outgoing, incoming);
    }
}
