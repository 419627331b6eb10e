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
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        var byRecipient = new Dictionary<string, List<HumanTask>>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in open)
        {
            var address = task.Assignee;
            if (task.Role is { } role)
            {
                if (!holders.TryGetValue(role, out var holder))
                {
                    holder = (await roles.FindHolderAsync(role, day, session, ct))?.Address ?? task.Assignee;
                    holders[role] = holder;
                }

                address = holder;
            }

            if (!byRecipient.TryGetValue(address, out var tasks))
            {
                byRecipient[address] = tasks = [];
            }

            tasks.Add(task);
        }

        return byRecipient;
    }
}
