using BusFlow.Bus.Model;

namespace BusFlow.Bus.Setup;

/// <summary>What is stored already, that a setup file may refer to without describing it again.</summary>
public sealed record SetupDirectory(
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Board> Boards,
    IReadOnlyList<Person> People,
    IReadOnlyList<CollaborationBody> Bodies,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<BoardMeeting> Meetings,
    IReadOnlyList<PartyDecision> Decisions,
    IReadOnlyList<PartySignature> Signatures)
{
    public static SetupDirectory Empty { get; } = new([], [], [], [], [], [], [], []);

    public static async Task<SetupDirectory> ReadAsync(IBusRecords records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var boards = await records.ListBoardsAsync(ct);
        var meetings = new List<BoardMeeting>();
        foreach (var board in boards)
        {
            meetings.AddRange(await records.ListMeetingsAsync(board.Id, SetupRules.FirstDay, SetupRules.LastDay, ct));
        }

        var agreements = await records.ListAgreementsAsync(ct);
        var decisions = new List<PartyDecision>();
        var signatures = new List<PartySignature>();
        foreach (var agreement in agreements)
        {
            decisions.AddRange(await records.ListDecisionsAsync(agreement.Id, ct));
            signatures.AddRange(await records.ListSignaturesAsync(agreement.Id, ct));
        }

        return new SetupDirectory(
            await records.ListOrganizationsAsync(ct),
            boards,
            await records.ListPeopleAsync(ct),
            await records.ListBodiesAsync(ct),
            agreements,
            meetings,
            decisions,
            signatures);
    }
}
