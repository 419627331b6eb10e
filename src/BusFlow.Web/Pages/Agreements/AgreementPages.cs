using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>What the agreement forms read before they are shown.</summary>
internal static class AgreementPages
{
    public static async Task<AgreementChoices> ChoicesAsync(IWorkflowStore store, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return await AgreementChoices.ReadAsync(session.Facet<IBusRecords>(), ct);
    }
}
