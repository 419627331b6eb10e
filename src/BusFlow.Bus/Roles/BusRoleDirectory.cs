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
    public async Task<ReminderRecipient?> FindHolderAsync(string role, LocalDate day, IWorkflowSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (RoleKeys.Split(role) is not var (board, name) || !Enum.TryParse<RoleKind>(name, ignoreCase: true, out var kind))
        {
            return null;
        }

        var records = session.Facet<IBusRecords>();
        var person = await records.FindRoleHolderAsync(kind, board, day, ct);
        if (person is null)
        {
            return null;
        }

        var place = (await records.FindBoardAsync(board, ct))?.Name ?? (await records.FindBodyAsync(board, ct))?.Name ?? board;
        return new ReminderRecipient(person.Email, person.Name, $"{board}/{kind}")
        {
            RoleTitleSv = $"{RoleTitles.Swedish(kind)} i {place}",
            RoleTitleEn = $"{RoleTitles.English(kind)} of {place}",
        };
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
