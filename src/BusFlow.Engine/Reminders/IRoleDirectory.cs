using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Reminders;

/// <summary>
/// Who holds a role on a day: a domain's answer to "who is the secretary of sn today". Roles are
/// written as "scope/Role" (e.g. "sn/Secretary"). Without a directory, reminders go to the task's
/// assignee and escalations reach nobody.
/// </summary>
public interface IRoleDirectory
{
    Task<ReminderRecipient?> FindHolderAsync(string role, LocalDate day, IWorkflowSession session, CancellationToken ct);

    /// <summary>
    /// Who holds each of several roles on a day, asked at once: a job that walks every open task asks this
    /// once instead of <see cref="FindHolderAsync"/> once per role. The answer is keyed by the role keys
    /// asked; a role nobody holds is not in it.
    /// </summary>
    Task<IReadOnlyDictionary<string, ReminderRecipient>> FindHoldersAsync(IReadOnlyCollection<string> roles, LocalDate day, IWorkflowSession session, CancellationToken ct);

    /// <summary>
    /// Every role key <paramref name="address"/> has been given, on any day: more than she holds on
    /// one, so a caller asks <see cref="FindHolderAsync"/> of each; what it saves is asking of every role there is.
    /// </summary>
    Task<IReadOnlyList<string>> ListRolesGivenAsync(string address, IWorkflowSession session, CancellationToken ct);
}

/// <summary>The default: no roles known.</summary>
public sealed class NoRoleDirectory : IRoleDirectory
{
    public Task<ReminderRecipient?> FindHolderAsync(string role, LocalDate day, IWorkflowSession session, CancellationToken ct) =>
        Task.FromResult<ReminderRecipient?>(null);

    public Task<IReadOnlyDictionary<string, ReminderRecipient>> FindHoldersAsync(IReadOnlyCollection<string> roles, LocalDate day, IWorkflowSession session, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, ReminderRecipient>>(new Dictionary<string, ReminderRecipient>());

    public Task<IReadOnlyList<string>> ListRolesGivenAsync(string address, IWorkflowSession session, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}

/// <summary>Role keys of the form "scope/Role".</summary>
public static class RoleKeys
{
    /// <summary>
    /// The role an escalation goes to: a full key ("sn/ViceChair") as it is, a bare role name
    /// ("ViceChair") in the scope of the task's own role; null when there is no scope to take.
    /// </summary>
    public static string? Resolve(string escalateTo, string? taskRole)
    {
        if (escalateTo.Contains('/', StringComparison.Ordinal))
        {
            return escalateTo;
        }

        var slash = taskRole?.LastIndexOf('/') ?? -1;
        return slash > 0 ? $"{taskRole![..slash]}/{escalateTo}" : null;
    }

    /// <summary>Splits "sn/Secretary" into ("sn", "Secretary"); null when it is not a role key.</summary>
    public static (string Scope, string Role)? Split(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash > 0 && slash < key.Length - 1 ? (key[..slash], key[(slash + 1)..]) : null;
    }
}
