using BusFlow.Bus.Model;

namespace BusFlow.Bus.Setup;

/// <summary>
/// The stored records an import compares the file with, read once before it changes anything. Each
/// query of a session first writes and looks over every change pending in it, so an import that
/// asked for each record in turn grew with the square of the file: ten municipalities in one file
/// took 10 s, 290 would have taken hours. The meetings are kept up to date as the import changes them.
/// </summary>
internal sealed class SetupStoredRecords
{
    private readonly Dictionary<string, Organization> _organizations;
    private readonly Dictionary<string, Person> _people;
    private readonly Dictionary<string, Board> _boards;
    private readonly Dictionary<string, CollaborationBody> _bodies;
    private readonly Dictionary<string, Agreement> _agreements;
    private readonly Dictionary<(string BoardId, int Year), List<BoardMeeting>> _meetings;
    private readonly ILookup<(bool IsBody, string Id), RoleAssignment> _roles;
    private readonly Dictionary<string, IReadOnlyList<AgreementParty>> _parties;
    private readonly Dictionary<string, IReadOnlyList<AgreementRevision>> _revisions;
    private readonly ILookup<string, PartyDecision> _decisions;
    private readonly ILookup<string, PartySignature> _signatures;

    private SetupStoredRecords(
        SetupDirectory directory,
        IReadOnlyList<RoleAssignment> roles,
        Dictionary<string, IReadOnlyList<AgreementParty>> parties,
        Dictionary<string, IReadOnlyList<AgreementRevision>> revisions)
    {
        _organizations = directory.Organizations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        _people = directory.People.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _boards = directory.Boards.ToDictionary(b => b.Id, StringComparer.Ordinal);
        _bodies = directory.Bodies.ToDictionary(b => b.Id, StringComparer.Ordinal);
        _agreements = directory.Agreements.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _meetings = directory.Meetings
            .GroupBy(m => (m.BoardId, m.Date.Year))
            .ToDictionary(g => g.Key, g => g.ToList());
        _roles = roles
            .SelectMany(r => new[] { (IsBody: false, Id: r.BoardId), (IsBody: true, Id: r.BodyId) }.Where(key => key.Id is not null).Select(key => (Key: (key.IsBody, key.Id!), Role: r)))
            .ToLookup(r => r.Key, r => r.Role);
        _parties = parties;
        _revisions = revisions;
        _decisions = directory.Decisions.Where(d => d.AgreementId is not null).ToLookup(d => d.AgreementId!, StringComparer.Ordinal);
        _signatures = directory.Signatures.ToLookup(s => s.AgreementId, StringComparer.Ordinal);
    }

    /// <summary>Reads what <paramref name="directory"/> lacks: the roles, and the parties and revisions of the file's agreements.</summary>
    public static async Task<SetupStoredRecords> ReadAsync(IBusRecords records, SetupDirectory directory, SetupDocument document, CancellationToken ct)
    {
        var parties = new Dictionary<string, IReadOnlyList<AgreementParty>>(StringComparer.Ordinal);
        var revisions = new Dictionary<string, IReadOnlyList<AgreementRevision>>(StringComparer.Ordinal);
        foreach (var agreement in document.Agreements)
        {
            parties[agreement.Id] = await records.ListPartiesAsync(agreement.Id, ct);
            revisions[agreement.Id] = await records.ListRevisionsAsync(agreement.Id, ct);
        }

        return new SetupStoredRecords(directory, await records.ListAssignmentsAsync(ct), parties, revisions);
    }

    public Organization? Organization(string id) => _organizations.GetValueOrDefault(id);

    public Person? Person(string id) => _people.GetValueOrDefault(id);

    public Board? Board(string id) => _boards.GetValueOrDefault(id);

    public CollaborationBody? Body(string id) => _bodies.GetValueOrDefault(id);

    public Agreement? Agreement(string id) => _agreements.GetValueOrDefault(id);

    /// <summary>A board's meetings of a year, by day and time, as the import has left them so far.</summary>
    public List<BoardMeeting> Meetings(string boardId, int year) =>
        [.. _meetings.GetValueOrDefault((boardId, year), [])
            .OrderBy(m => m.Date)
            .ThenBy(m => m.StartsAt)
            .ThenBy(m => m.Id.ToString(), StringComparer.Ordinal)];

    public void Added(BoardMeeting meeting)
    {
        var key = (meeting.BoardId, meeting.Date.Year);
        if (!_meetings.TryGetValue(key, out var meetings))
        {
            meetings = _meetings[key] = [];
        }

        meetings.Add(meeting);
    }

    public void Removed(BoardMeeting meeting) => _meetings.GetValueOrDefault((meeting.BoardId, meeting.Date.Year))?.Remove(meeting);

    /// <summary>The roles on a board, or the members of a body, by the day they begin.</summary>
    public List<RoleAssignment> Roles(string boardOrBodyId, bool isBody) =>
        [.. _roles[(isBody, boardOrBodyId)].OrderBy(r => r.From).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal)];

    public List<AgreementParty> Parties(string agreementId) => [.. _parties.GetValueOrDefault(agreementId, [])];

    public IReadOnlyList<AgreementRevision> Revisions(string agreementId) => _revisions.GetValueOrDefault(agreementId, []);

    public IReadOnlyList<PartyDecision> Decisions(string agreementId) => [.. _decisions[agreementId]];

    public IReadOnlyList<PartySignature> Signatures(string agreementId) => [.. _signatures[agreementId]];
}
