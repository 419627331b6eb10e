using BusFlow.Bus.Model;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>What the agreement form offers to choose from: the directory's organizations, boards, people, bodies and agreements.</summary>
public sealed record AgreementChoices(
    IReadOnlyList<Organization> Organizations,
    IReadOnlyList<Board> Boards,
    IReadOnlyList<Person> People,
    IReadOnlyList<CollaborationBody> Bodies,
    IReadOnlyList<Agreement> Agreements)
{
    public static async Task<AgreementChoices> ReadAsync(IBusRecords records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new(
            [.. (await records.ListOrganizationsAsync(ct)).OrderBy(o => o.Name, StringComparer.CurrentCulture)],
            [.. (await records.ListBoardsAsync(ct)).OrderBy(b => b.Name, StringComparer.CurrentCulture)],
            [.. (await records.ListPeopleAsync(ct)).OrderBy(p => p.Name, StringComparer.CurrentCulture)],
            [.. (await records.ListBodiesAsync(ct)).OrderBy(b => b.Name, StringComparer.CurrentCulture)],
            [.. (await records.ListAgreementsAsync(ct)).OrderBy(a => a.ValidFrom)]);
    }

    /// <summary>The boards, then the organizations, by id and name: what a decision may be sent to.</summary>
    public IEnumerable<(string Id, string Name)> Recipients =>
        Boards.Select(b => (b.Id, b.Name)).Concat(Organizations.Select(o => (o.Id, o.Name)));
}
