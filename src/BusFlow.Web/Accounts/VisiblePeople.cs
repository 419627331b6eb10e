using System.Security.Claims;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Accounts;

/// <summary>
/// The people a person may see, the same on the pages and in the API: everyone for those who read
/// everything; for a secretary, those with a role, past or coming, on a board or in a body of her
/// organizations, and those with no role yet (whom she may just have entered, to give her board's next
/// chair). Another municipality's people stay out of her sight, names and addresses alike.
/// </summary>
public sealed class VisiblePeople(IWorkflowStore store, AccountScopes scopes)
{
    public async Task<IReadOnlyList<Person>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        // The scope reads the directory in a session of its own: before this one, which on SQLite holds the write lock.
        var scope = await scopes.ForAsync(user, ct);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        var people = await records.ListPeopleAsync(ct);
        if (scope.ReadsEverything)
        {
            return people;
        }

        var organizationOf = (await records.ListBoardsAsync(ct)).ToDictionary(b => b.Id, b => (string?)b.OrganizationId, StringComparer.Ordinal);
        foreach (var body in await records.ListBodiesAsync(ct))
        {
            organizationOf.TryAdd(body.Id, body.OrganizationId);
        }

        var places = (await records.ListAssignmentsAsync(ct)).ToLookup(a => a.PersonId, a => a.BoardId ?? a.BodyId, StringComparer.Ordinal);
        return [.. people.Where(p => !places[p.Id].Any() || places[p.Id].Any(place => scope.SeesOrganization(place is null ? null : organizationOf.GetValueOrDefault(place))))];
    }

    public async Task<bool> SeesAsync(ClaimsPrincipal user, string personId, CancellationToken ct) =>
        (await ListAsync(user, ct)).Any(p => p.Id == personId);
}
