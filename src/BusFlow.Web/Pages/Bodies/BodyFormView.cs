using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>A body's form with what its selects offer: the organizations, agreements and boards there are.</summary>
public sealed record BodyFormView(BodyForm Form, IReadOnlyList<Organization> Organizations, IReadOnlyList<Agreement> Agreements, IReadOnlyList<Board> Boards)
{
    public static async Task<BodyFormView> LoadAsync(IWorkflowStore store, BodyForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        return new BodyFormView(
            form,
            [.. (await records.ListOrganizationsAsync(ct)).OrderBy(o => o.Name, StringComparer.CurrentCulture)],
            [.. (await records.ListAgreementsAsync(ct)).OrderBy(a => a.Title, StringComparer.CurrentCulture)],
            [.. (await records.ListBoardsAsync(ct)).OrderBy(b => b.Name, StringComparer.CurrentCulture)]);
    }
}
