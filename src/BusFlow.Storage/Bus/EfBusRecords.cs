using BusFlow.Bus.Model;
using BusFlow.Bus.Roles;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace BusFlow.Storage.Bus;

/// <summary>
/// The BUS records on a workflow session's own context and transaction, handed out by
/// <c>session.Facet&lt;IBusRecords&gt;()</c>: what is added here is committed (or rolled back) with
/// the session. Like the session's own queries, each query first writes the session's pending
/// changes, so it sees them; entities returned are tracked and their changes saved on commit.
/// </summary>
internal sealed class EfBusRecords : IBusRecords
{
    /// <summary>
    /// Roles that several people hold at once in a body (or on a board). Every other role has one
    /// seat: of overlapping assignments, the one that started latest holds it.
    /// </summary>
    private static readonly HashSet<RoleKind> SharedRoles = [RoleKind.Member, RoleKind.CoOptedMember];

    private readonly BusFlowDbContext _db;
    private readonly Func<CancellationToken, Task> _flush;

    /// <param name="db">The session's context.</param>
    /// <param name="flush">The session's autoflush: writes its pending changes (not committed) before a query.</param>
    public EfBusRecords(BusFlowDbContext db, Func<CancellationToken, Task> flush)
    {
        _db = db;
        _flush = flush;
    }

    public async Task<Organization?> FindOrganizationAsync(string id, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
    }

    public async Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken ct)
    {
        await _flush(ct);
        return await _db.Organizations.OrderBy(o => o.Name).ThenBy(o => o.Id).ToListAsync(ct);
    }

    public async Task<Board?> FindBoardAsync(string id, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.Boards.FirstOrDefaultAsync(b => b.Id == id, ct);
    }

    public async Task<IReadOnlyList<Board>> ListBoardsAsync(CancellationToken ct)
    {
        await _flush(ct);
        return await _db.Boards.OrderBy(b => b.OrganizationId).ThenBy(b => b.Code).ThenBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<Person?> FindPersonAsync(string id, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    public async Task<IReadOnlyList<Person>> ListPeopleAsync(CancellationToken ct)
    {
        await _flush(ct);
        return await _db.People.OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
    }

    public async Task<Person?> FindPersonByEmailAsync(string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        // Narrowed because each task mail asks for its recipient's language mid-operation.
        await FlushIfPendingAsync<Person>(ct);

        return await HotQueries.Of(_db).PersonByEmail(_db, email.Trim().ToLowerInvariant(), ct);
    }

    public async Task<IReadOnlyList<RoleAssignment>> ListAssignmentsOfAsync(string personId, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.RoleAssignments.Where(r => r.PersonId == personId).OrderBy(r => r.From).ThenBy(r => r.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RoleAssignment>> ListAssignmentsOnAsync(string boardOrBodyId, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.RoleAssignments
            .Where(r => r.BoardId == boardOrBodyId || r.BodyId == boardOrBodyId)
            .OrderBy(r => r.From)
            .ThenBy(r => r.Role)
            .ThenBy(r => r.Id)
            .ToListAsync(ct);
    }

    public async Task<RoleAssignment?> FindAssignmentAsync(Guid id, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.RoleAssignments.FindAsync([id], ct);
    }

    /// <summary>
    /// The person holding <paramref name="role"/> on the board or in the body on <paramref name="on"/>:
    /// the database narrows the assignments to those held that day, and the domain's rule
    /// (<see cref="RoleHolders.HolderOn"/>) picks among overlapping ones.
    /// </summary>
    public async Task<Person?> FindRoleHolderAsync(RoleKind role, string boardOrBodyId, LocalDate on, CancellationToken ct)
    {
        await _flush(ct);
        var held = await HoldersOn(boardOrBodyId, on).Where(h => h.Role.Role == role).OrderBy(h => h.Role.Id).ToListAsync(ct);
        return Holder.Of(held, role, boardOrBodyId, on)?.Person;
    }

    /// <summary>
    /// Everyone holding a role on the day, in the order of <see cref="RoleKind"/> and then by name.
    /// A one-seat role (chair, vice chair, secretary, head of administration) has at most one holder,
    /// chosen as by <see cref="FindRoleHolderAsync"/>; members and co-opted members are all listed,
    /// each person once per role.
    /// </summary>
    public async Task<IReadOnlyList<(Person Person, RoleAssignment Role)>> ListRoleHoldersAsync(string boardOrBodyId, LocalDate on, CancellationToken ct)
    {
        await _flush(ct);
        var held = await HoldersOn(boardOrBodyId, on).OrderBy(h => h.Role.Id).ToListAsync(ct);
        return
        [
            .. held
                .GroupBy(h => SharedRoles.Contains(h.Role.Role) ? (h.Role.Role, h.Person.Id) : (h.Role.Role, null))
                .Select(seat => Holder.Of([.. seat], seat.Key.Role, boardOrBodyId, on)!)
                .OrderBy(h => h.Role.Role)
                .ThenBy(h => h.Person.Name, StringComparer.Ordinal)
                .ThenBy(h => h.Person.Id, StringComparer.Ordinal)
                .Select(h => (h.Person, h.Role)),
        ];
    }

    public async Task<IReadOnlyList<(Person Person, RoleAssignment Role)>> ReadAssignmentsHeldOnAsync(
        IReadOnlyCollection<string> boardOrBodyIds, LocalDate on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(boardOrBodyIds);
        if (boardOrBodyIds.Count == 0)
        {
            return [];
        }

        await FlushIfPendingAsync<RoleAssignment, Person>(ct);

        var ids = boardOrBodyIds.Distinct(StringComparer.Ordinal).ToList();
        var held = await _db.RoleAssignments.AsNoTracking()
            .Where(r => ((r.BoardId != null && ids.Contains(r.BoardId)) || (r.BodyId != null && ids.Contains(r.BodyId)))
                && r.From <= on && (r.Until == null || r.Until >= on))
            .Join(_db.People.AsNoTracking(), r => r.PersonId, p => p.Id, (r, p) => new Holder { Person = p, Role = r })
            .OrderBy(h => h.Role.Id)
            .ToListAsync(ct);
        return [.. held.Select(h => (h.Person, h.Role))];
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadPlaceNamesAsync(IReadOnlyCollection<string> boardOrBodyIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(boardOrBodyIds);
        if (boardOrBodyIds.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await FlushIfPendingAsync<Board, CollaborationBody>(ct);

        var ids = boardOrBodyIds.Distinct(StringComparer.Ordinal).ToList();
        var boards = await _db.Boards.AsNoTracking().Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        var names = boards.ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        var rest = ids.Where(id => !names.ContainsKey(id)).ToList();
        if (rest.Count > 0)
        {
            foreach (var body in await _db.CollaborationBodies.AsNoTracking().Where(b => rest.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToListAsync(ct))
            {
                names[body.Id] = body.Name;
            }
        }

        return names;
    }

    public async Task<BoardMeeting?> FindMeetingAsync(Guid id, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.BoardMeetings.FindAsync([id], ct);
    }

    public async Task<IReadOnlyList<BoardMeeting>> ListMeetingsAsync(string boardId, LocalDate from, LocalDate until, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.BoardMeetings
            .Where(m => m.BoardId == boardId && m.Date >= from && m.Date <= until)
            .OrderBy(m => m.Date)
            .ThenBy(m => m.StartsAt)
            .ThenBy(m => m.Id)
            .ToListAsync(ct);
    }

    public async Task<CollaborationBody?> FindBodyAsync(string id, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.CollaborationBodies.FirstOrDefaultAsync(b => b.Id == id, ct);
    }

    public async Task<IReadOnlyList<CollaborationBody>> ListBodiesAsync(CancellationToken ct)
    {
        await _flush(ct);
        return await _db.CollaborationBodies.OrderBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<Agreement?> FindAgreementAsync(string id, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    public async Task<IReadOnlyList<Agreement>> ListAgreementsAsync(CancellationToken ct)
    {
        await _flush(ct);
        return await _db.Agreements.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Agreement>> ListSuccessorsAsync(string agreementId, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.Agreements.Where(a => a.PredecessorId == agreementId).OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AgreementParty>> ListPartiesAsync(string agreementId, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.AgreementParties.Where(p => p.AgreementId == agreementId).OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RoleAssignment>> ListAssignmentsAsync(CancellationToken ct)
    {
        await _flush(ct);
        return await _db.RoleAssignments.OrderBy(r => r.From).ThenBy(r => r.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<AgreementRevision>> ListRevisionsAsync(string agreementId, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.AgreementRevisions
            .Where(r => r.AgreementId == agreementId)
            .OrderBy(r => r.Date)
            .ThenBy(r => r.Id)
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PartyDecision>> ListDecisionsAsync(string agreementId, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.PartyDecisions
            .Where(d => d.AgreementId == agreementId)
            .OrderBy(d => d.DecisionDate)
            .ThenBy(d => d.RecordedAt)
            .ThenBy(d => d.Id)
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PartySignature>> ListSignaturesAsync(string agreementId, CancellationToken ct)
    {
        await _flush(ct);
        return await _db.PartySignatures
            .Where(s => s.AgreementId == agreementId)
            .OrderBy(s => s.SignedAt)
            .ThenBy(s => s.Id)
            .ToListAsync(ct);
    }

    public void Add(Organization organization) => _db.Organizations.Add(organization);

    public void Add(Board board) => _db.Boards.Add(board);

    public void Add(BoardMeeting meeting) => _db.BoardMeetings.Add(meeting);

    public void Remove(BoardMeeting meeting) => _db.BoardMeetings.Remove(meeting);

    public void Add(Person person) => _db.People.Add(person);

    public void Add(RoleAssignment role) => _db.RoleAssignments.Add(role);

    public void Remove(RoleAssignment role) => _db.RoleAssignments.Remove(role);

    public void Add(CollaborationBody body) => _db.CollaborationBodies.Add(body);

    public void Add(Agreement agreement) => _db.Agreements.Add(agreement);

    public void Add(AgreementRevision revision) => _db.AgreementRevisions.Add(revision);

    public void Add(AgreementParty party) => _db.AgreementParties.Add(party);

    public void Remove(AgreementParty party) => _db.AgreementParties.Remove(party);

    public void Add(PartyDecision decision) => _db.PartyDecisions.Add(decision);

    public void Add(PartySignature signature) => _db.PartySignatures.Add(signature);

    /// <summary>
    /// The session's autoflush narrowed to the tables a query reads: only their changes can alter its answer.
    /// Writing whatever is pending would split an operation's one save in two, and deciding whether anything is
    /// looks over every tracked row, which made a job asking of each open task's role cost the square of the tasks.
    /// </summary>
    private Task FlushIfPendingAsync<T>(CancellationToken ct)
        where T : class => _db.HasPendingChanges<T>() ? _flush(ct) : Task.CompletedTask;

    /// <inheritdoc cref="FlushIfPendingAsync{T}(CancellationToken)"/>
    private Task FlushIfPendingAsync<T1, T2>(CancellationToken ct)
        where T1 : class
        where T2 : class => _db.HasPendingChanges<T1>() || _db.HasPendingChanges<T2>() ? _flush(ct) : Task.CompletedTask;

    /// <summary>The assignments on a board or in a body held on a day, each with its person.</summary>
    private IQueryable<Holder> HoldersOn(string boardOrBodyId, LocalDate day) =>
        _db.RoleAssignments
            .Where(r => (r.BoardId == boardOrBodyId || r.BodyId == boardOrBodyId) && r.From <= day && (r.Until == null || r.Until >= day))
            .Join(_db.People, r => r.PersonId, p => p.Id, (r, p) => new Holder { Person = p, Role = r });

    /// <summary>An assignment with its person, built by member initialisation so that queries can go on from it.</summary>
    private sealed class Holder
    {
        /// <summary>The one of <paramref name="held"/> that holds the role by the domain's rule, or null.</summary>
        public static Holder? Of(IReadOnlyList<Holder> held, RoleKind role, string boardOrBodyId, LocalDate on)
        {
            var assignment = RoleHolders.HolderOn(held.Select(h => h.Role), role, boardOrBodyId, on);
            return held.FirstOrDefault(h => ReferenceEquals(h.Role, assignment));
        }

        public required Person Person { get; init; }
        public required RoleAssignment Role { get; init; }
    }
}
