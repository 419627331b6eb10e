using BusFlow.Bus.Model;

namespace BusFlow.Bus.Demo;

/// <summary>Every record of the demo municipality, built in memory and not yet stored.</summary>
public sealed record DemoData(
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Board> Boards,
    IReadOnlyList<BoardMeeting> Meetings,
    IReadOnlyList<Person> People,
    IReadOnlyList<RoleAssignment> Roles,
    IReadOnlyList<CollaborationBody> Bodies,
    Agreement Agreement,
    IReadOnlyList<AgreementParty> Parties,
    IReadOnlyList<AgreementRevision> Revisions,
    IReadOnlyList<PartyDecision> Decisions,
    IReadOnlyList<PartySignature> Signatures)
{
    /// <summary>Adds every record to <paramref name="records"/>; they are written when its session commits.</summary>
    public void AddTo(IBusRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        AddAll(Organizations, records.Add);
        AddAll(Boards, records.Add);
        AddAll(Meetings, records.Add);
        AddAll(People, records.Add);
        AddAll(Roles, records.Add);
        AddAll(Bodies, records.Add);
        records.Add(Agreement);
        AddAll(Parties, records.Add);
        AddAll(Revisions, records.Add);
        AddAll(Decisions, records.Add);
        AddAll(Signatures, records.Add);
    }

    private static void AddAll<T>(IEnumerable<T> items, Action<T> add)
    {
        foreach (var item in items)
        {
            add(item);
        }
    }
}
