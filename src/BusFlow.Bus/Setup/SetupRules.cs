using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Setup;

/// <summary>
/// The rules a setup file is checked against as a whole, before anything of it is saved: unique
/// ids and codes, references that lead to the file or to the directory, periods that end after
/// they start, one holder at a time of a single-holder role, no new meeting in the past, and
/// agreements with parties.
/// </summary>
public static class SetupRules
{
    /// <summary>The widest span of dates the records are read over.</summary>
    public static LocalDate FirstDay { get; } = new(1900, 1, 1);

    public static LocalDate LastDay { get; } = new(9999, 12, 31);

    /// <summary>Roles that several people hold at once; every other role has one seat.</summary>
    private static readonly HashSet<RoleKind> SharedRoles = [RoleKind.Member, RoleKind.CoOptedMember];

    private static readonly HashSet<string> Languages = ["sv", "en"];

    /// <param name="today">Meetings before this day must be stored already: a plan is not written backwards.</param>
    public static IReadOnlyList<SetupProblem> Check(string file, SetupDocument document, SetupDirectory directory, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(directory);
        var problems = new List<SetupProblem>();
        void Problem(string path, string message) => problems.Add(new SetupProblem(file, document.LineOf(path), path, message));

        var organizations = Ids(document.Organizations.Select(o => o.Id), "organizations", Problem, directory.Organizations.Select(o => o.Id));
        var boards = Ids(document.Boards.Select(b => b.Id), "boards", Problem, directory.Boards.Select(b => b.Id));
        var people = Ids(document.People.Select(p => p.Id), "people", Problem, directory.People.Select(p => p.Id));
        var bodies = Ids(document.Bodies.Select(b => b.Id), "bodies", Problem, directory.Bodies.Select(b => b.Id));
        var agreements = Ids(document.Agreements.Select(a => a.Id), "agreements", Problem, directory.Agreements.Select(a => a.Id));

        void Refers(string path, string? id, HashSet<string> known, string what)
        {
            if (id is not null && !known.Contains(id))
            {
                Problem(path, $"{what} \"{id}\" is neither in the file nor in the directory");
            }
        }

        CheckPeople(document, directory, Problem);
        CheckBoards(document, directory, today, organizations, people, Problem, Refers);
        for (var i = 0; i < document.Bodies.Count; i++)
        {
            var body = document.Bodies[i];
            var path = $"bodies[{i}]";
            Refers($"{path}.organization", body.Organization, organizations, "organization");
            Refers($"{path}.agreement", body.Agreement, agreements, "agreement");
            for (var slot = 0; slot < body.RotationOrder.Count; slot++)
            {
                for (var b = 0; b < body.RotationOrder[slot].Count; b++)
                {
                    Refers($"{path}.rotation.order[{slot}][{b}]", body.RotationOrder[slot][b], boards, "board");
                }
            }

            CheckRoles(body.Members, $"{path}.members", body.Id, people, Problem, Refers);
        }

        for (var i = 0; i < document.Agreements.Count; i++)
        {
            var path = $"agreements[{i}]";
            CheckAgreement(document.Agreements[i], path, organizations, boards, people, bodies, agreements, Problem, Refers);
            CheckDecisions(document.Agreements[i], path, directory, people, Problem, Refers);
        }

        return problems;
    }

    private static void CheckPeople(SetupDocument document, SetupDirectory directory, Action<string, string> problem)
    {
        var emails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stored in directory.People)
        {
            emails.TryAdd(stored.Email, stored.Id);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.People.Count; i++)
        {
            var person = document.People[i];
            var path = $"people[{i}]";
            if (!person.Email.Contains('@', StringComparison.Ordinal))
            {
                problem($"{path}.email", $"\"{person.Email}\" is not an e-mail address");
            }
            else if (!seen.Add(person.Email) || (emails.TryGetValue(person.Email, out var owner) && owner != person.Id && document.People.All(p => p.Id != owner)))
            {
                problem($"{path}.email", $"duplicate e-mail address \"{person.Email}\"");
            }

            if (!Languages.Contains(person.Language))
            {
                problem($"{path}.language", $"\"{person.Language}\" is not a language BusFlow writes in (sv, en)");
            }
        }
    }

    private static void CheckBoards(
        SetupDocument document, SetupDirectory directory, LocalDate today, HashSet<string> organizations, HashSet<string> people,
        Action<string, string> problem, Action<string, string?, HashSet<string>, string> refers)
    {
        var codes = new HashSet<(string, string)>();
        foreach (var other in directory.Boards.Where(s => document.Boards.All(b => b.Id != s.Id)))
        {
            codes.Add((other.OrganizationId, other.Code.ToUpperInvariant()));
        }

        var stored = directory.Meetings.Select(m => (m.BoardId, m.Date, m.StartsAt, m.Place)).ToHashSet();
        for (var i = 0; i < document.Boards.Count; i++)
        {
            var board = document.Boards[i];
            var path = $"boards[{i}]";
            refers($"{path}.organization", board.Organization, organizations, "organization");
            if (!codes.Add((board.Organization, board.Code.ToUpperInvariant())))
            {
                problem($"{path}.code", $"duplicate code \"{board.Code}\"");
            }

            if (board.NoticeDays is < 0 or > 60)
            {
                problem($"{path}.noticeDays", $"{board.NoticeDays} is not a notice period (0 to 60 days)");
            }

            var dates = new HashSet<LocalDate>();
            for (var p = 0; p < board.MeetingPlans.Count; p++)
            {
                var plan = board.MeetingPlans[p];
                for (var m = 0; m < plan.Meetings.Count; m++)
                {
                    var meeting = plan.Meetings[m];
                    var meetingPath = $"{path}.meetingPlans[{p}].meetings[{m}]";
                    if (meeting.Date.Year != plan.Year)
                    {
                        problem($"{meetingPath}.date", $"{meeting.Date:yyyy-MM-dd} is not in the plan's year {plan.Year}");
                    }
                    else if (!dates.Add(meeting.Date))
                    {
                        problem($"{meetingPath}.date", $"duplicate meeting on {meeting.Date:yyyy-MM-dd}");
                    }
                    else if (meeting.Date < today && !stored.Contains((board.Id, meeting.Date, meeting.Time, meeting.Place)))
                    {
                        problem($"{meetingPath}.date", $"the meeting on {meeting.Date:yyyy-MM-dd} is in the past (today is {today:yyyy-MM-dd})");
                    }
                }
            }

            CheckRoles(board.Roles, $"{path}.roles", board.Id, people, problem, refers);
        }
    }

    /// <summary>Each role's person and period, and that no two assignments of a single-holder role overlap.</summary>
    private static void CheckRoles(
        IReadOnlyList<SetupDocument.RoleEntry> roles, string path, string boardOrBody, HashSet<string> people,
        Action<string, string> problem, Action<string, string?, HashSet<string>, string> refers)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            var role = roles[i];
            refers($"{path}[{i}].person", role.Person, people, "person");
            if (role.Until < role.From)
            {
                problem($"{path}[{i}].until", $"until {role.Until:yyyy-MM-dd} is before from {role.From:yyyy-MM-dd}");
                continue;
            }

            if (SharedRoles.Contains(role.Role))
            {
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                var earlier = roles[j];
                if (earlier.Role == role.Role && !(earlier.Until < earlier.From)
                    && earlier.From <= (role.Until ?? LastDay) && role.From <= (earlier.Until ?? LastDay))
                {
                    problem($"{path}[{i}]", $"{SetupNames.Of(role.Role)} of {boardOrBody} from {role.From:yyyy-MM-dd} overlaps {path}[{j}] ({earlier.Person} from {earlier.From:yyyy-MM-dd}{(earlier.Until is { } until ? $" until {until:yyyy-MM-dd}" : "")}): one person holds it at a time");
                }
            }
        }
    }

    private static void CheckAgreement(
        SetupDocument.AgreementEntry agreement, string path, HashSet<string> organizations, HashSet<string> boards, HashSet<string> people,
        HashSet<string> bodies, HashSet<string> agreements, Action<string, string> problem, Action<string, string?, HashSet<string>, string> refers)
    {
        refers($"{path}.organization", agreement.Organization, organizations, "organization");
        refers($"{path}.body", agreement.Body, bodies, "body");
        if (agreement.Body is null && agreement.Status == AgreementStatus.Active)
        {
            problem($"{path}.body", "an agreement in force needs the body that meets in its yearly meetings");
        }

        refers($"{path}.predecessor", agreement.Predecessor, agreements, "agreement");
        if (agreement.ValidUntil < agreement.ValidFrom)
        {
            problem($"{path}.validUntil", $"the agreement ends {agreement.ValidUntil:yyyy-MM-dd}, before it starts {agreement.ValidFrom:yyyy-MM-dd}");
        }

        if (agreement.Parties.Count == 0)
        {
            problem($"{path}.parties", "an agreement needs at least one party");
        }

        var parties = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < agreement.Parties.Count; i++)
        {
            var party = agreement.Parties[i];
            var partyPath = $"{path}.parties[{i}]";
            if ((party.Board is null) == (party.Organization is null))
            {
                problem(partyPath, "a party is either a board or an organization: give one of them");
                continue;
            }

            refers($"{partyPath}.board", party.Board, boards, "board");
            refers($"{partyPath}.organization", party.Organization, organizations, "organization");
            refers($"{partyPath}.representative", party.Representative, people, "person");
            if (!parties.Add(party.Board ?? party.Organization!))
            {
                problem(partyPath, $"\"{party.Board ?? party.Organization}\" is a party twice");
            }
        }

        for (var i = 0; i < agreement.Recipients.Count; i++)
        {
            var recipient = agreement.Recipients[i];
            if (!boards.Contains(recipient) && !organizations.Contains(recipient))
            {
                problem($"{path}.recipients[{i}]", $"recipient \"{recipient}\" is neither a board nor an organization in the file or the directory");
            }
        }
    }

    /// <summary>
    /// An agreement's decisions and signatures: by its board parties, signed only when approved, and,
    /// being official records, the same as any stored one they name (an import adds them, never changes them).
    /// </summary>
    private static void CheckDecisions(
        SetupDocument.AgreementEntry agreement, string path, SetupDirectory directory, HashSet<string> people,
        Action<string, string> problem, Action<string, string?, HashSet<string>, string> refers)
    {
        var partyBoards = agreement.Parties.Where(p => p.Board is not null).Select(p => p.Board!).ToHashSet(StringComparer.Ordinal);
        var stored = directory.Decisions.Where(d => d.AgreementId == agreement.Id).ToList();
        var signatures = directory.Signatures.Where(s => s.AgreementId == agreement.Id).ToList();
        var seen = new HashSet<(string, LocalDate, DecisionOutcome)>();
        for (var i = 0; i < agreement.Decisions.Count; i++)
        {
            var decision = agreement.Decisions[i];
            var decisionPath = $"{path}.decisions[{i}]";
            if (!partyBoards.Contains(decision.Board))
            {
                problem($"{decisionPath}.board", $"\"{decision.Board}\" is not a board party of {agreement.Id}: only its parties decide on it");
            }

            if (!seen.Add((decision.Board, decision.Date, decision.Outcome)))
            {
                problem(decisionPath, $"the decision of {decision.Board} on {decision.Date:yyyy-MM-dd} is listed twice");
            }

            if (stored.FirstOrDefault(d => SetupDecisions.Same(d, decision)) is { } recorded
                && (recorded.Paragraph != decision.Paragraph || recorded.RegistrationNumber != decision.RegistrationNumber || recorded.MeetingDate != decision.Meeting))
            {
                problem(decisionPath, $"the decision of {decision.Board} on {decision.Date:yyyy-MM-dd} is recorded as {Recorded(recorded)}: an official record is never changed");
            }

            if (decision.Signature is not { } signature)
            {
                continue;
            }

            refers($"{decisionPath}.signedBy", signature.Person, people, "person");
            if (decision.Outcome != DecisionOutcome.Approve)
            {
                problem($"{decisionPath}.signedBy", $"only an approval is signed; this decision is {SetupNames.Of(decision.Outcome)}");
            }
            else if (signatures.FirstOrDefault(s => s.BoardId == decision.Board) is { } signed
                && (signed.PersonId != signature.Person || SetupDecisions.LocalTimeOf(signed.SignedAt) != signature.At))
            {
                problem($"{decisionPath}.signedBy", $"{agreement.Id} is signed for {decision.Board} by {signed.PersonId} at {SetupDecisions.LocalTimeOf(signed.SignedAt):yyyy-MM-dd HH:mm}: an official record is never changed");
            }
        }
    }

    private static string Recorded(PartyDecision decision) =>
        string.Join(", ", new[] { decision.Paragraph, decision.RegistrationNumber, decision.MeetingDate?.ToString("yyyy-MM-dd", null) }.Where(t => t is not null)) is { Length: > 0 } text
            ? text
            : "without paragraph, registration number or meeting";

    /// <summary>The ids of one kind of record in the file and the directory; a duplicate in the file is a problem.</summary>
    private static HashSet<string> Ids(IEnumerable<string> inFile, string list, Action<string, string> problem, IEnumerable<string> stored)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in inFile)
        {
            if (id.Length > 0 && !seen.Add(id))
            {
                problem($"{list}[{index}].id", $"duplicate id \"{id}\"");
            }

            index++;
        }

        seen.UnionWith(stored);
        return seen;
    }
}
