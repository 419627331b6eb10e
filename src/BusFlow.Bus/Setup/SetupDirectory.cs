using BusFlow.Bus.Model;

namespace BusFlow.Bus.Setup;

/// <summary>What is stored already, that a setup file may refer to without describing it again.</summary>
public sealed record SetupDirectory(
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Board> Boards,
    IReadOnlyList<Person> People,
    IReadOnlyList<CollaborationBody> Bodies,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<BoardMeeting> Meetings)
{
    public static SetupDirectory Empty { get; } = new([], [], [], [], [], []);

    public static async Task<SetupDirectory> ReadAsync(IBusRecords records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        var boards = await records.ListBoardsAsync(ct);
        var meetings = new List<BoardMeeting>();
        foreach (var board in boards)
        {
            meetings.AddRange(await records.ListMeetingsAsync(board.Id, SetupRules.FirstDay, SetupRules.LastDay, ct));
        }

        return new SetupDirectory(
            await records.ListOrganizationsAsync(ct),
            boards,
            await records.ListPeopleAsync(ct),
            await records.ListBodiesAsync(ct),
            await records.ListAgreementsAsync(ct),
            meetings);
    }
}
