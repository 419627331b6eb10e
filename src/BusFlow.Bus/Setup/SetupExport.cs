using BusFlow.Bus.Model;

namespace BusFlow.Bus.Setup;

/// <summary>Reads the stored records back into a <see cref="SetupDocument"/>, in the order a setup file lists them.</summary>
public static class SetupExport
{
    public static async Task<SetupDocument> ReadAsync(IBusRecords records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var directory = await SetupDirectory.ReadAsync(records, ct);
        var assignments = await records.ListAssignmentsAsync(ct);

        IReadOnlyList<SetupDocument.RoleEntry> RolesOf(Func<RoleAssignment, bool> held) =>
        [
            .. assignments.Where(held)
                .OrderBy(r => r.Role)
                .ThenBy(r => r.From)
                .ThenBy(r => r.PersonId, StringComparer.Ordinal)
                .Select(r => new SetupDocument.RoleEntry(r.PersonId, r.Role, r.From, r.Until)),
        ];

        var agreements = new List<SetupDocument.AgreementEntry>();
        foreach (var agreement in directory.Agreements.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var parties = await records.ListPartiesAsync(agreement.Id, ct);
            IReadOnlyList<SetupDocument.PartyEntry> partyEntries = parties.Count > 0
                ? [.. parties.Select(p => new SetupDocument.PartyEntry(p.BoardId, p.OrganizationId, p.RepresentativeId, p.Involvement))]
                // An agreement stored before parties were records names its deciding boards only.
                : [.. agreement.PartyBoardIds.Select(b => new SetupDocument.PartyEntry(b, null, null, PartyInvolvement.Decides))];
            var revisions = await records.ListRevisionsAsync(agreement.Id, ct);
            var decisions = SetupDecisions.Of(await records.ListDecisionsAsync(agreement.Id, ct), await records.ListSignaturesAsync(agreement.Id, ct));
            agreements.Add(new SetupDocument.AgreementEntry(
                agreement.Id,
                agreement.OrganizationId,
                agreement.Title,
                agreement.Status,
                agreement.ValidFrom,
                agreement.ValidUntil,
                agreement.PredecessorId,
                agreement.BodyId,
                agreement.Cycle,
                partyEntries,
                [.. agreement.Recipients],
                [.. revisions.Select(r => new SetupDocument.RevisionEntry(r.Date, r.Note))],
                decisions,
                agreement.ChangeMode));
        }

        return new SetupDocument(
            [.. directory.Organizations.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => new SetupDocument.OrganizationEntry(o.Id, o.Name, o.Kind))],
            [
                .. directory.Boards.Select(b => new SetupDocument.BoardEntry(
                    b.Id,
                    b.OrganizationId,
                    b.Code,
                    b.Name,
                    b.NoticeDays,
                    b.NoticeInWorkingDays,
                    [
                        .. directory.Meetings.Where(m => m.BoardId == b.Id)
                            .GroupBy(m => m.Date.Year)
                            .OrderBy(year => year.Key)
                            .Select(year => new SetupDocument.MeetingPlanEntry(
                                year.Key,
                                [.. year.OrderBy(m => m.Date).Select(m => new SetupDocument.MeetingEntry(m.Date, m.StartsAt, m.Place))])),
                    ],
                    RolesOf(r => r.BoardId == b.Id))),
            ],
            [.. directory.People.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new SetupDocument.PersonEntry(p.Id, p.Name, p.Email, p.Language))],
            [
                .. directory.Bodies.OrderBy(b => b.Id, StringComparer.Ordinal).Select(b => new SetupDocument.BodyEntry(
                    b.Id,
                    b.OrganizationId,
                    b.Name,
                    b.Kind,
                    b.AgreementId,
                    b.RotationStartYear,
                    [.. b.RotationOrder.Select(slot => (IReadOnlyList<string>)[.. slot])],
                    RolesOf(r => r.BodyId == b.Id))),
            ],
            agreements);
    }
}
