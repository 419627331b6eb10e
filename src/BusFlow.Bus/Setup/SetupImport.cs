using BusFlow.Bus.Calendar;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Setup;

/// <summary>
/// Imports a setup file into the records of one session: checks it as a whole first and adds
/// nothing when any rule is broken; otherwise adds what is new, updates what differs and lists
/// each change ("+ board sn …", "~ person …: email a → b", "- meeting …"). A record the file
/// does not mention is left alone, except within what the file describes in full: a board's
/// roles and the meetings of the years its plan lists, a body's members, an agreement's parties
/// and revisions. The caller commits the session when the import succeeded.
/// </summary>
public static class SetupImport
{
    /// <param name="today">Meetings before this day must be stored already: a plan is not written backwards.</param>
    /// <param name="now">When the import writes: the recording time of the decisions it adds.</param>
    public static async Task<SetupImportResult> ImportAsync(IBusRecords records, string file, string text, LocalDate today, Instant now, CancellationToken ct)
    {
        var (document, problems) = SetupReader.Read(file, text);
        return document is null ? new SetupImportResult(problems, []) : await ImportAsync(records, file, document, today, now, ct);
    }

    public static async Task<SetupImportResult> ImportAsync(
        IBusRecords records, string file, SetupDocument document, LocalDate today, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(document);
        var directory = await SetupDirectory.ReadAsync(records, ct);
        var problems = SetupRules.Check(file, document, directory, today);
        if (problems.Count > 0)
        {
            return new SetupImportResult(problems, []);
        }

        var stored = await SetupStoredRecords.ReadAsync(records, directory, document, ct);
        var changes = new List<string>();
        foreach (var entry in document.Organizations)
        {
            ImportOrganization(records, stored, entry, changes);
        }

        foreach (var entry in document.People)
        {
            ImportPerson(records, stored, entry, changes);
        }

        foreach (var entry in document.Boards)
        {
            ImportBoard(records, stored, entry, today, changes);
        }

        foreach (var entry in document.Agreements)
        {
            ImportAgreement(records, stored, entry, changes);
        }

        foreach (var entry in document.Bodies)
        {
            ImportBody(records, stored, entry, changes);
        }

        foreach (var entry in document.Agreements)
        {
            ImportPartiesAndRevisions(records, stored, entry, changes);
            ImportDecisions(records, stored, entry, new Recording(now, $"import of {file}"), changes);
        }

        return new SetupImportResult([], changes);
    }

    private static void ImportOrganization(IBusRecords records, SetupStoredRecords stored, SetupDocument.OrganizationEntry entry, List<string> changes)
    {
        if (stored.Organization(entry.Id) is not { } organization)
        {
            records.Add(new Organization { Id = entry.Id, Name = entry.Name, Kind = entry.Kind });
            changes.Add($"+ organization {entry.Id} \"{entry.Name}\"");
            return;
        }

        var change = new Change($"organization {entry.Id}", changes);
        organization.Name = change.Of("name", organization.Name, entry.Name);
        organization.Kind = change.Of("kind", organization.Kind, entry.Kind);
    }

    private static void ImportPerson(IBusRecords records, SetupStoredRecords stored, SetupDocument.PersonEntry entry, List<string> changes)
    {
        if (stored.Person(entry.Id) is not { } person)
        {
            records.Add(new Person { Id = entry.Id, Name = entry.Name, Email = entry.Email, Language = entry.Language });
            changes.Add($"+ person {entry.Id} \"{entry.Name}\" <{entry.Email}>");
            return;
        }

        var change = new Change($"person {entry.Id}", changes);
        person.Name = change.Of("name", person.Name, entry.Name);
        person.Email = change.Of("email", person.Email, entry.Email);
        person.Language = change.Of("language", person.Language, entry.Language);
    }

    private static void ImportBoard(IBusRecords records, SetupStoredRecords stored, SetupDocument.BoardEntry entry, LocalDate today, List<string> changes)
    {
        if (stored.Board(entry.Id) is not { } board)
        {
            records.Add(new Board
            {
                Id = entry.Id,
                OrganizationId = entry.Organization,
                Code = entry.Code,
                Name = entry.Name,
                NoticeDays = entry.NoticeDays,
                NoticeInWorkingDays = entry.NoticeInWorkingDays,
            });
            changes.Add($"+ board {entry.Id} {entry.Code} \"{entry.Name}\"");
        }
        else
        {
            var change = new Change($"board {entry.Id}", changes);
            board.OrganizationId = change.Of("organization", board.OrganizationId, entry.Organization);
            board.Code = change.Of("code", board.Code, entry.Code);
            board.Name = change.Of("name", board.Name, entry.Name);
            board.NoticeDays = change.Of("noticeDays", board.NoticeDays, entry.NoticeDays);
            board.NoticeInWorkingDays = change.Of("noticeInWorkingDays", board.NoticeInWorkingDays, entry.NoticeInWorkingDays);
        }

        foreach (var plan in entry.MeetingPlans)
        {
            ImportMeetingPlan(records, stored, entry.Id, plan, today, changes);
        }

        ImportRoles(records, stored, entry.Id, isBody: false, entry.Roles, changes);
    }

    /// <summary>The plan of a year is the file's: meetings it lacks are taken out, unless they are already past.</summary>
    private static void ImportMeetingPlan(IBusRecords records, SetupStoredRecords storedRecords, string boardId, SetupDocument.MeetingPlanEntry plan, LocalDate today, List<string> changes)
    {
        var stored = storedRecords.Meetings(boardId, plan.Year);
        foreach (var meeting in plan.Meetings)
        {
            var existing = stored.FirstOrDefault(m => m.Date == meeting.Date);
            if (existing is null)
            {
                var added = new BoardMeeting { Id = Guid.CreateVersion7(), BoardId = boardId, Date = meeting.Date, StartsAt = meeting.Time, Place = meeting.Place };
                records.Add(added);
                storedRecords.Added(added);
                changes.Add($"+ meeting of {boardId} on {meeting.Date:yyyy-MM-dd} at {meeting.Time:HH:mm}{(meeting.Place is null ? "" : $", {meeting.Place}")}");
                continue;
            }

            stored.Remove(existing);
            var change = new Change($"meeting of {boardId} on {meeting.Date:yyyy-MM-dd}", changes);
            existing.StartsAt = change.Of("time", existing.StartsAt, meeting.Time);
            existing.Place = change.Of("place", existing.Place, meeting.Place);
        }

        foreach (var gone in stored.Where(m => m.Date >= today))
        {
            records.Remove(gone);
            storedRecords.Removed(gone);
            changes.Add($"- meeting of {boardId} on {gone.Date:yyyy-MM-dd}");
        }
    }

    /// <summary>The roles on a board (or the members of a body) are the file's: one not in it is taken out.</summary>
    private static void ImportRoles(IBusRecords records, SetupStoredRecords storedRecords, string boardOrBodyId, bool isBody, IReadOnlyList<SetupDocument.RoleEntry> roles, List<string> changes)
    {
        var stored = storedRecords.Roles(boardOrBodyId, isBody);
        foreach (var role in roles)
        {
            var label = $"{SetupNames.Of(role.Role)} of {boardOrBodyId}: {role.Person} from {role.From:yyyy-MM-dd}";
            var existing = stored.FirstOrDefault(r => r.PersonId == role.Person && r.Role == role.Role && r.From == role.From);
            if (existing is null)
            {
                records.Add(new RoleAssignment
                {
                    Id = Guid.CreateVersion7(),
                    PersonId = role.Person,
                    Role = role.Role,
                    BoardId = isBody ? null : boardOrBodyId,
                    BodyId = isBody ? boardOrBodyId : null,
                    From = role.From,
                    Until = role.Until,
                });
                changes.Add($"+ {label}{Until(role.Until)}");
                continue;
            }

            stored.Remove(existing);
            existing.Until = new Change(label, changes).Of("until", existing.Until, role.Until);
        }

        foreach (var gone in stored)
        {
            records.Remove(gone);
            changes.Add($"- {SetupNames.Of(gone.Role)} of {boardOrBodyId}: {gone.PersonId} from {gone.From:yyyy-MM-dd}{Until(gone.Until)}");
        }
    }

    private static void ImportBody(IBusRecords records, SetupStoredRecords stored, SetupDocument.BodyEntry entry, List<string> changes)
    {
        List<List<string>> order = [.. entry.RotationOrder.Select(slot => slot.ToList())];
        if (stored.Body(entry.Id) is not { } body)
        {
            records.Add(new CollaborationBody
            {
                Id = entry.Id,
                Name = entry.Name,
                Kind = entry.Kind,
                OrganizationId = entry.Organization,
                AgreementId = entry.Agreement,
                RotationOrder = order,
                RotationStartYear = entry.RotationStartYear,
            });
            changes.Add($"+ body {entry.Id} \"{entry.Name}\"");
        }
        else
        {
            var change = new Change($"body {entry.Id}", changes);
            body.Name = change.Of("name", body.Name, entry.Name);
            body.Kind = change.Of("kind", body.Kind, entry.Kind);
            body.OrganizationId = change.Of("organization", body.OrganizationId, entry.Organization);
            body.AgreementId = change.Of("agreement", body.AgreementId, entry.Agreement);
            body.RotationStartYear = change.Of("rotation.startYear", body.RotationStartYear, entry.RotationStartYear);
            if (!SameOrder(body.RotationOrder, order))
            {
                changes.Add($"~ body {entry.Id}: rotation.order {OrderText(body.RotationOrder)} → {OrderText(order)}");
                body.RotationOrder = order;
            }
        }

        ImportRoles(records, stored, entry.Id, isBody: true, entry.Members, changes);
    }

    private static void ImportAgreement(IBusRecords records, SetupStoredRecords stored, SetupDocument.AgreementEntry entry, List<string> changes)
    {
        List<string> deciding = [.. entry.Parties.Where(p => p.Board is not null && p.Involvement == PartyInvolvement.Decides).Select(p => p.Board!)];
        if (stored.Agreement(entry.Id) is not { } agreement)
        {
            records.Add(new Agreement
            {
                Id = entry.Id,
                Title = entry.Title,
                OrganizationId = entry.Organization,
                Status = entry.Status,
                ValidFrom = entry.ValidFrom,
                ValidUntil = entry.ValidUntil,
                PredecessorId = entry.Predecessor,
                BodyId = entry.Body,
                Cycle = entry.Cycle,
                ChangeMode = entry.Changes,
                PartyBoardIds = deciding,
                Recipients = [.. entry.Recipients],
            });
            changes.Add($"+ agreement {entry.Id} \"{entry.Title}\" {entry.ValidFrom:yyyy-MM-dd}–{entry.ValidUntil:yyyy-MM-dd}");
            return;
        }

        var change = new Change($"agreement {entry.Id}", changes);
        agreement.Title = change.Of("title", agreement.Title, entry.Title);
        agreement.OrganizationId = change.Of("organization", agreement.OrganizationId, entry.Organization);
        agreement.Status = change.Of("status", agreement.Status, entry.Status);
        agreement.ValidFrom = change.Of("validFrom", agreement.ValidFrom, entry.ValidFrom);
        agreement.ValidUntil = change.Of("validUntil", agreement.ValidUntil, entry.ValidUntil);
        agreement.PredecessorId = change.Of("predecessor", agreement.PredecessorId, entry.Predecessor);
        agreement.BodyId = change.Of("body", agreement.BodyId, entry.Body);
        agreement.Cycle = change.Of("cycle", agreement.Cycle, entry.Cycle);
        agreement.ChangeMode = change.Of("changes", agreement.ChangeMode, entry.Changes);
        if (!agreement.PartyBoardIds.SequenceEqual(deciding, StringComparer.Ordinal))
        {
            agreement.PartyBoardIds = deciding;
        }

        if (!agreement.Recipients.SequenceEqual(entry.Recipients, StringComparer.Ordinal))
        {
            changes.Add($"~ agreement {entry.Id}: recipients [{string.Join(", ", agreement.Recipients)}] → [{string.Join(", ", entry.Recipients)}]");
            agreement.Recipients = [.. entry.Recipients];
        }
    }

    /// <summary>An agreement's parties and revisions, after the bodies and boards they may name are in.</summary>
    private static void ImportPartiesAndRevisions(IBusRecords records, SetupStoredRecords storedRecords, SetupDocument.AgreementEntry entry, List<string> changes)
    {
        var stored = storedRecords.Parties(entry.Id);
        for (var position = 0; position < entry.Parties.Count; position++)
        {
            var party = entry.Parties[position];
            var label = $"party {party.Board ?? party.Organization} of {entry.Id}";
            var existing = stored.FirstOrDefault(p => p.BoardId == party.Board && p.OrganizationId == party.Organization);
            if (existing is null)
            {
                records.Add(new AgreementParty
                {
                    Id = Guid.CreateVersion7(),
                    AgreementId = entry.Id,
                    BoardId = party.Board,
                    OrganizationId = party.Organization,
                    RepresentativeId = party.Representative,
                    Involvement = party.Involvement,
                    Position = position,
                });
                changes.Add($"+ {label} ({SetupNames.Of(party.Involvement)}{(party.Representative is null ? "" : $", represented by {party.Representative}")})");
                continue;
            }

            stored.Remove(existing);
            var change = new Change(label, changes);
            existing.Involvement = change.Of("involvement", existing.Involvement, party.Involvement);
            existing.RepresentativeId = change.Of("representative", existing.RepresentativeId, party.Representative);
            existing.Position = change.Of("position", existing.Position, position);
        }

        foreach (var gone in stored)
        {
            records.Remove(gone);
            changes.Add($"- party {gone.BoardId ?? gone.OrganizationId} of {entry.Id}");
        }

        var revisions = storedRecords.Revisions(entry.Id);
        foreach (var revision in entry.Revisions.Where(r => !revisions.Any(s => s.Date == r.Date && s.Note == r.Note)))
        {
            records.Add(new AgreementRevision { Id = Guid.CreateVersion7(), AgreementId = entry.Id, Date = revision.Date, Note = revision.Note });
            changes.Add($"+ revision of {entry.Id} on {revision.Date:yyyy-MM-dd}");
        }
    }

    /// <summary>
    /// Adds the decisions and signatures that are not stored yet. Official records are never changed
    /// (the rules refuse a file that differs from them) nor removed by an import.
    /// </summary>
    private static void ImportDecisions(
        IBusRecords records, SetupStoredRecords storedRecords, SetupDocument.AgreementEntry entry, Recording recording, List<string> changes)
    {
        var stored = storedRecords.Decisions(entry.Id);
        var signed = storedRecords.Signatures(entry.Id).Select(s => s.BoardId).ToHashSet(StringComparer.Ordinal);
        foreach (var decision in entry.Decisions)
        {
            if (!stored.Any(d => SetupDecisions.Same(d, decision)))
            {
                records.Add(new PartyDecision
                {
                    Id = Guid.CreateVersion7(),
                    Subject = entry.Title,
                    AgreementId = entry.Id,
                    BoardId = decision.Board,
                    Outcome = decision.Outcome,
                    DecisionDate = decision.Date,
                    MeetingDate = decision.Meeting,
                    Paragraph = decision.Paragraph,
                    RegistrationNumber = decision.RegistrationNumber,
                    RecordedAt = recording.At,
                    RecordedBy = recording.By,
                });
                changes.Add($"+ decision of {decision.Board} on {entry.Id}: {SetupNames.Of(decision.Outcome)} on {decision.Date:yyyy-MM-dd}");
            }

            if (decision.Signature is { } signature && signed.Add(decision.Board))
            {
                records.Add(new PartySignature
                {
                    Id = Guid.CreateVersion7(),
                    AgreementId = entry.Id,
                    BoardId = decision.Board,
                    PersonId = signature.Person,
                    SignedAt = StockholmTime.At(signature.At.Date, signature.At.TimeOfDay),
                    Proof = signature.Proof,
                });
                changes.Add($"+ signature of {entry.Id} for {decision.Board} by {signature.Person} on {signature.At:yyyy-MM-dd}");
            }
        }
    }

    private static string Until(LocalDate? until) => until is { } day ? $" until {day:yyyy-MM-dd}" : "";

    private static bool SameOrder(List<List<string>> left, List<List<string>> right) =>
        left.Count == right.Count && left.Zip(right).All(pair => pair.First.SequenceEqual(pair.Second, StringComparer.Ordinal));

    private static string OrderText(List<List<string>> order) => $"[{string.Join(", ", order.Select(slot => $"[{string.Join(", ", slot)}]"))}]";

    /// <summary>When and by what the records an import adds were written.</summary>
    private sealed record Recording(Instant At, string By);

    /// <summary>Compares a stored value with the file's, noting the change; returns the file's value.</summary>
    private sealed class Change(string subject, List<string> changes)
    {
        public T Of<T>(string field, T stored, T wanted)
        {
            if (!EqualityComparer<T>.Default.Equals(stored, wanted))
            {
                changes.Add($"~ {subject}: {field} {Show(stored)} → {Show(wanted)}");
            }

            return wanted;
        }

        private static string Show<T>(T value) => value switch
        {
            null => "(none)",
            string text => $"\"{text}\"",
            LocalDate date => date.ToString("yyyy-MM-dd", null),
            LocalTime time => time.ToString("HH:mm", null),
            Enum kind => kind.ToString(),
            _ => value.ToString() ?? "",
        };
    }
}
