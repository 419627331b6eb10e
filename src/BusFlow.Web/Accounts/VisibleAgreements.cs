using System.Security.Claims;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Accounts;

/// <summary>
/// The agreements a person may see, the same on the pages and in the API: all of them for those who
/// read everything, and for a secretary those her organizations keep or have a party board in.
/// </summary>
public sealed class VisibleAgreements(IWorkflowStore store, AccountScopes scopes)
{
    public async Task<IReadOnlyList<Agreement>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        // The scope reads the directory in a session of its own: before this one, which on SQLite holds the write lock.
        var scope = await scopes.ForAsync(user, ct);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        var organizationOf = (await records.ListBoardsAsync(ct)).ToDictionary(b => b.Id, b => b.OrganizationId, StringComparer.Ordinal);
        return [.. (await records.ListAgreementsAsync(ct))
            .Where(a => scope.SeesAgreement(a.PartyBoardIds.Select(b => organizationOf.GetValueOrDefault(b)).Append(a.OrganizationId).OfType<string>()))
            .OrderBy(a => a.ValidFrom)
            .ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    public async Task<bool> SeesAsync(ClaimsPrincipal user, string agreementId, CancellationToken ct) =>
        (await ListAsync(user, ct)).Any(a => a.Id == agreementId);
}
