using System.Security.Claims;
using BusFlow.Accounts;
using BusFlow.Bus.Model;

namespace BusFlow.Web.Accounts;

/// <summary>
/// What a signed-in person may see and do today: an administrator everything, a viewer reads
/// everything, a secretary acts for the boards where her person of the directory is secretary on the
/// day, and sees the records of those boards' organizations only (a region or a supplier may run many
/// municipalities on one installation); and anyone answers the tasks given to their own address.
/// </summary>
public sealed class AccountScope
{
    public AccountScope(ClaimsPrincipal user, bool actsAsAdministrator, IReadOnlySet<string> secretaryOf, IReadOnlySet<string> organizationsOf)
    {
        ArgumentNullException.ThrowIfNull(user);
        Email = user.FindFirstValue(ClaimTypes.Email)?.Trim().ToLowerInvariant();
        IsAdministrator = actsAsAdministrator;
        IsViewer = user.IsInRole(AccountRoles.Viewer);
        SecretaryOf = user.IsInRole(AccountRoles.Secretary) ? secretaryOf : new HashSet<string>();
        OrganizationsOf = user.IsInRole(AccountRoles.Secretary) ? organizationsOf : new HashSet<string>();
    }

    public string? Email { get; }
    public bool IsAdministrator { get; }
    public bool IsViewer { get; }

    /// <summary>The ids of the boards the person is secretary of today (only with the Secretary role).</summary>
    public IReadOnlySet<string> SecretaryOf { get; }

    /// <summary>The organizations of the boards in <see cref="SecretaryOf"/>.</summary>
    public IReadOnlySet<string> OrganizationsOf { get; }

    public bool ReadsEverything => IsAdministrator || IsViewer;

    /// <summary>Whether the person may see an organization's records: everything for those who read everything, her own organizations for a secretary.</summary>
    public bool SeesOrganization(string? organizationId) =>
        ReadsEverything || (organizationId is not null && OrganizationsOf.Contains(organizationId));

    /// <summary>Whether the person may see an agreement: the organization that keeps it, or one of its party boards', is one she sees.</summary>
    public bool SeesAgreement(IEnumerable<string> organizationIds) =>
        ReadsEverything || organizationIds.Any(SeesOrganization);

    public bool IsOwnAddress(string? address) =>
        Email is not null && string.Equals(Email, address?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A task's role names its board first ("sn/Secretary"); a task without one belongs to no board.</summary>
    public static string? BoardOfRole(string? role) =>
        role is { Length: > 0 } && role.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? role[..slash] : null;

    public bool ActsForBoard(string? boardId) => boardId is not null && SecretaryOf.Contains(boardId);

    /// <summary>Who may change a board's records (its particulars, its meeting plan, its feed): an administrator, or its secretary.</summary>
    public bool KeepsBoard(string? boardId) => IsAdministrator || ActsForBoard(boardId);

    /// <summary>
    /// Who may enter a new person: an administrator, or a secretary (the new chair of her board is
    /// often someone the directory does not know yet).
    /// </summary>
    public bool MayEnterPeople => IsAdministrator || SecretaryOf.Count > 0;

    /// <summary>
    /// Who may change a person's particulars, her address among them (reminders and task links go there):
    /// an administrator; a secretary only for someone whose every assignment, past or coming, is on a
    /// board she keeps, so that she cannot redirect another board's chair. Someone without any is hers
    /// to change too: typically the person she has just entered.
    /// </summary>
    public bool MayChangePerson(IEnumerable<RoleAssignment> assignmentsOfPerson) =>
        IsAdministrator || (SecretaryOf.Count > 0 && assignmentsOfPerson.All(KeepsAssignment));

    /// <summary>Who may add, change or remove an assignment: an administrator, or the secretary of its board. A body's are an administrator's.</summary>
    public bool KeepsAssignment(RoleAssignment assignment) =>
        IsAdministrator || (assignment.BoardId is { } board && ActsForBoard(board));

    public bool MaySeeTask(string assignee, string? role) =>
        ReadsEverything || IsOwnAddress(assignee) || ActsForBoard(BoardOfRole(role));

    public bool MayAnswerTask(string assignee, string? role) =>
        IsAdministrator || IsOwnAddress(assignee) || ActsForBoard(BoardOfRole(role));
}
