using NodaTime;

namespace BusFlow.Bus.Model;

/// <summary>
/// The BUS records in the workflow's own transaction: read the directory and agreements, add
/// records. Obtained from a workflow session (<c>session.Facet&lt;IBusRecords&gt;()</c>), so a
/// decision is written in the same commit as the workflow step that records it.
/// </summary>
public interface IBusRecords
{
    Task<Organization?> FindOrganizationAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken ct);
    Task<Board?> FindBoardAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<Board>> ListBoardsAsync(CancellationToken ct);
    Task<Person?> FindPersonAsync(string id, CancellationToken ct);

    /// <summary>Everyone in the directory, by name.</summary>
    Task<IReadOnlyList<Person>> ListPeopleAsync(CancellationToken ct);

    /// <summary>The person reached at an e-mail address, compared without case; null when nobody is.</summary>
    Task<Person?> FindPersonByEmailAsync(string email, CancellationToken ct);

    /// <summary>Every role a person has had, has or will have, on boards and in bodies, in the order they start.</summary>
    Task<IReadOnlyList<RoleAssignment>> ListAssignmentsOfAsync(string personId, CancellationToken ct);

    /// <summary>Every assignment on a board or in a body, past, present and future, in the order they start.</summary>
    Task<IReadOnlyList<RoleAssignment>> ListAssignmentsOnAsync(string boardOrBodyId, CancellationToken ct);

    Task<RoleAssignment?> FindAssignmentAsync(Guid id, CancellationToken ct);

    /// <summary>Who holds a role on a board or in a body on a day; null when nobody does.</summary>
    Task<Person?> FindRoleHolderAsync(RoleKind role, string boardOrBodyId, LocalDate on, CancellationToken ct);

    /// <summary>Everyone with a role in a body (or on a board) on a day, with the role.</summary>
    Task<IReadOnlyList<(Person Person, RoleAssignment Role)>> ListRoleHoldersAsync(string boardOrBodyId, LocalDate on, CancellationToken ct);

    /// <summary>
    /// The assignments held on a day on any of several boards or bodies, each with its person, ordered by the
    /// assignment's id as <see cref="FindRoleHolderAsync"/> weighs them, to read and not to change: they are not
    /// tracked, so a change to them is not saved, and the session's later queries and saves need not look them
    /// over. For asking of many roles at once.
    /// </summary>
    Task<IReadOnlyList<(Person Person, RoleAssignment Role)>> ReadAssignmentsHeldOnAsync(IReadOnlyCollection<string> boardOrBodyIds, LocalDate on, CancellationToken ct);

    /// <summary>The names of boards and bodies by id, read and not tracked; an id that is neither is left out.</summary>
    Task<IReadOnlyDictionary<string, string>> ReadPlaceNamesAsync(IReadOnlyCollection<string> boardOrBodyIds, CancellationToken ct);

    Task<BoardMeeting?> FindMeetingAsync(Guid id, CancellationToken ct);

    /// <summary>A board's meetings from one day to another, inclusive, in date order.</summary>
    Task<IReadOnlyList<BoardMeeting>> ListMeetingsAsync(string boardId, LocalDate from, LocalDate until, CancellationToken ct);

    Task<CollaborationBody?> FindBodyAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<CollaborationBody>> ListBodiesAsync(CancellationToken ct);

    Task<Agreement?> FindAgreementAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<Agreement>> ListAgreementsAsync(CancellationToken ct);

    /// <summary>The agreements that name this one as their predecessor (its renewals), in the order they start.</summary>
    Task<IReadOnlyList<Agreement>> ListSuccessorsAsync(string agreementId, CancellationToken ct);
    /// <summary>An agreement's parties, boards and other organizations, in the agreement's order.</summary>
    Task<IReadOnlyList<AgreementParty>> ListPartiesAsync(string agreementId, CancellationToken ct);

    /// <summary>Every role assignment on boards and in bodies, in the order they start.</summary>
    Task<IReadOnlyList<RoleAssignment>> ListAssignmentsAsync(CancellationToken ct);

    Task<IReadOnlyList<AgreementRevision>> ListRevisionsAsync(string agreementId, CancellationToken ct);
    Task<IReadOnlyList<PartyDecision>> ListDecisionsAsync(string agreementId, CancellationToken ct);
    Task<IReadOnlyList<PartySignature>> ListSignaturesAsync(string agreementId, CancellationToken ct);

    void Add(Organization organization);
    void Add(Board board);
    void Add(BoardMeeting meeting);

    /// <summary>Takes a meeting out of its board's plan (a cancelled or re-planned one).</summary>
    void Remove(BoardMeeting meeting);
    void Add(Person person);
    void Add(RoleAssignment role);

    /// <summary>Takes an assignment out of the directory (one entered by mistake); an assignment that ends is given its Until instead.</summary>
    void Remove(RoleAssignment role);
    void Add(CollaborationBody body);
    void Add(Agreement agreement);
    void Add(AgreementRevision revision);
    void Add(AgreementParty party);
    void Remove(AgreementParty party);
    void Add(PartyDecision decision);
    void Add(PartySignature signature);
}
