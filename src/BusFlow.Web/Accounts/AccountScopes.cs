using System.Security.Claims;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using BusFlow.Web.Security;
using NodaTime;

namespace BusFlow.Web.Accounts;

/// <summary>Works out a signed-in person's <see cref="AccountScope"/> from the directory's role assignments of today.</summary>
public sealed class AccountScopes(IWorkflowStore store, IClock clock, EngineOptions engine, SignInSettings settings)
{
    public async Task<AccountScope> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var boards = new HashSet<string>(StringComparer.Ordinal);
        var organizations = new HashSet<string>(StringComparer.Ordinal);
        if (user.IsInRole(BusFlow.Accounts.AccountRoles.Secretary) && user.FindFirstValue(ClaimTypes.Email) is { Length: > 0 } email)
        {
            await using var session = await store.BeginAsync(ct);
            var records = session.Facet<IBusRecords>();
            if (await records.FindPersonByEmailAsync(email, ct) is { } person)
            {
                var today = clock.GetCurrentInstant().InZone(engine.TimeZone).Date;
                foreach (var assignment in await records.ListAssignmentsOfAsync(person.Id, ct))
                {
                    if (assignment is { Role: RoleKind.Secretary, BoardId: { } boardId } && assignment.IsHeldOn(today)
                        && await records.FindBoardAsync(boardId, ct) is { } board)
                    {
                        boards.Add(board.Id);
                        organizations.Add(board.OrganizationId);
                    }
                }
            }
        }

        return new AccountScope(user, BusFlowPolicies.ActsAsAdministrator(user, settings), boards, organizations);
    }
}
