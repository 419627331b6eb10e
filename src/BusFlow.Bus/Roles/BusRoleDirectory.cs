using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using NodaTime;

namespace BusFlow.Bus.Roles;

/// <summary>
/// Answers "who is sn/Secretary today" for the engine's reminders from the BUS records: the role
/// key is a board's (or body's) id and a <see cref="RoleKind"/>.
/// </summary>
public sealed class BusRoleDirectory : IRoleDirectory
{
    public async Task<ReminderRecipient?> FindHolderAsync(string role, LocalDate day, IWorkflowSession session, CancellationToken ct) =>
        (await FindHoldersAsync([role], day, session, ct)).GetValueOrDefault(role);

    /// <summary>
    /// One read of the assignments held that day on every board and body asked of, and one of their names,
    /// however many roles are asked; the domain's rule (<see cref="RoleHolders.HolderOn"/>) picks each holder.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ReminderRecipient>> FindHoldersAsync(
        IReadOnlyCollection<string> roles, LocalDate day, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(session);
        var seats = new List<(string Key, string Place, RoleKind Kind)>();
        foreach (var key in roles.Distinct(StringComparer.Ordinal))
        {
            if (RoleKeys.Split(key) is var (place, name) && Enum.TryParse<RoleKind>(name, ignoreCase: true, out var kind))
            {
                seats.Add((key, place, kind));
            }
        }

        var found = new Dictionary<string, ReminderRecipient>(StringComparer.Ordinal);
        if (seats.Count == 0)
        {
            return found;
        }

        var records = session.Facet<IBusRecords>();
        var held = await records.ReadAssignmentsHeldOnAsync([.. seats.Select(s => s.Place).Distinct(StringComparer.Ordinal)], day, ct);
        var heldAt = held
            .SelectMany(h => new[] { h.Role.BoardId, h.Role.BodyId }.OfType<string>().Distinct(StringComparer.Ordinal).Select(place => (Place: place, Holding: h)))
            .ToLookup(p => p.Place, p => p.Holding, StringComparer.Ordinal);
        var holders = new List<(string Key, string Place, RoleKind Kind, Person Person)>();
        foreach (var (key, place, kind) in seats)
        {
            var candidates = heldAt[place].ToList();
            var assignment = RoleHolders.HolderOn(candidates.Select(c => c.Role), kind, place, day);
            if (candidates.FirstOrDefault(c => ReferenceEquals(c.Role, assignment)) is { Person: { } person })
            {
                holders.Add((key, place, kind, person));
            }
        }

        var names = holders.Count == 0
            ? new Dictionary<string, string>()
            : await records.ReadPlaceNamesAsync([.. holders.Select(h => h.Place).Distinct(StringComparer.Ordinal)], ct);
        foreach (var (key, place, kind, person) in holders)
        {
            var placeName = names.GetValueOrDefault(place) ?? place;
            found[key] = new ReminderRecipient(person.Email, person.Name, $"{place}/{kind}")
            {
                RoleTitleSv = $"{RoleTitles.Swedish(kind)} i {placeName}",
                RoleTitleEn = $"{RoleTitles.English(kind)} of {placeName}",
            };
        }

        return found;
    }

    public async Task<IReadOnlyList<string>> ListRolesGivenAsync(string address, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var records = session.Facet<IBusRecords>();
        if (await records.FindPersonByEmailAsync(address, ct) is not { } person)
        {
            return [];
        }

        return [.. (await records.ListAssignmentsOfAsync(person.Id, ct))
            .Where(a => (a.BoardId ?? a.BodyId) is not null)
            .Select(a => $"{a.BoardId ?? a.BodyId}/{a.Role}")
            .Distinct(StringComparer.Ordinal)];
    }
}
