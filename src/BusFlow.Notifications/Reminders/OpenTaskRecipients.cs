using BusFlow.Engine.Persistence;
using BusFlow.Engine.Reminders;
using NodaTime;

namespace BusFlow.Notifications.Reminders;

/// <summary>
/// Whose open tasks are whose on a day: a task for a role belongs to whoever holds the role that
/// day, any other to its assignee. The digest and the choice to fold a reminder into it both count
/// a person's tasks this way.
/// </summary>
public sealed class OpenTaskRecipients(IRoleDirectory roles)
{
    public const int MaxOpenTasks = 10_000;

    public async Task<IReadOnlyDictionary<string, List<HumanTask>>> ByRecipientAsync(IWorkflowSession session, LocalDate day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var open = await session.ListTasksAsync(new TaskQuery(Status: HumanTaskStatus.Open, Take: MaxOpenTasks), ct);
        var holders = await HoldersAsync(open, day, session, ct);
        var byRecipient = new Dictionary<string, List<HumanTask>>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in open)
        {
            var address = OwnerOf(task, holders);
            if (!byRecipient.TryGetValue(address, out var tasks))
            {
                byRecipient[address] = tasks = [];
            }

            tasks.Add(task);
        }

        return byRecipient;
    }

    /// <summary>
    /// How many open tasks are <paramref name="address"/>'s on a day, counted as <see cref="ByRecipientAsync"/>
    /// counts them, but reading only the tasks that can be hers: those assigned to her, and those of the
    /// boards and bodies she has roles in. A reminder asks this for its one recipient; reading every open
    /// task for it made reminders cost as much as the whole installation's tasks, so that their total
    /// grew with the square of the collaborations served.
    /// </summary>
    public async Task<int> CountForAsync(IWorkflowSession session, string address, LocalDate day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var candidates = new Dictionary<Guid, HumanTask>();
        foreach (var task in await session.ListTasksAsync(new TaskQuery(Assignee: address, Status: HumanTaskStatus.Open, Take: MaxOpenTasks), ct))
        {
            candidates[task.Id] = task;
        }

        var given = await roles.ListRolesGivenAsync(address, session, ct);
        foreach (var scope in given.Select(r => RoleKeys.Split(r)?.Scope).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            foreach (var task in await session.ListTasksAsync(new TaskQuery(Status: HumanTaskStatus.Open, RoleScope: scope, Take: MaxOpenTasks), ct))
            {
                candidates[task.Id] = task;
            }
        }

        var holders = await HoldersAsync(candidates.Values, day, session, ct);
        return candidates.Values.Count(task => string.Equals(OwnerOf(task, holders), address, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The holders that day of the tasks' roles, asked all at once: asked one role at a time, a walk over every open task cost the square of them.</summary>
    private Task<IReadOnlyDictionary<string, ReminderRecipient>> HoldersAsync(IEnumerable<HumanTask> tasks, LocalDate day, IWorkflowSession session, CancellationToken ct) =>
        roles.FindHoldersAsync([.. tasks.Select(t => t.Role).OfType<string>().Distinct(StringComparer.Ordinal)], day, session, ct);

    /// <summary>Whose a task is: its role's holder, else its assignee.</summary>
    private static string OwnerOf(HumanTask task, IReadOnlyDictionary<string, ReminderRecipient> holders) =>
        task.Role is { } role && holders.TryGetValue(role, out var holder) ? holder.Address : task.Assignee;
}
