using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Engine.Reminders;

/// <summary>
/// Hands an open task for a role to whoever holds the role now, when the role has changed hands since
/// the task was made: the outgoing chair's unsigned agreement goes to the new chair on 1 January. A task
/// whose role is held by the same person as on the day it was made stays where it is, so a task handed
/// to a substitute is not taken back; a role nobody holds leaves the task with its assignee.
/// Each hand-over is a reassignment: journaled, the old links dead, the new assignee mailed.
/// </summary>
public sealed class RoleTaskHandOver(WorkflowRuntime runtime, IWorkflowStore store, IRoleDirectory roles, IClock clock, EngineOptions options)
{
    public const string Actor = "busflow";

    /// <summary>Hands over every open task whose role has a new holder today; the number handed over.</summary>
    public async Task<int> HandOverAsync(CancellationToken ct)
    {
        var today = clock.GetCurrentInstant().InZone(options.TimeZone).Date;
        List<(Guid TaskId, ReminderRecipient Holder)> due = [];
        await using (var session = await store.BeginAsync(ct))
        {
            var open = (await session.ListTasksAsync(new TaskQuery(Status: HumanTaskStatus.Open, Take: 100_000), ct))
                .Where(t => t.Role is not null && MadeOn(t) < today)
                .ToList();
            var holdersNow = await roles.FindHoldersAsync(RolesOf(open), today, session, ct);
            var moved = open
                .Where(t => holdersNow.TryGetValue(t.Role!, out var holder) && !string.Equals(holder.Address, t.Assignee, StringComparison.OrdinalIgnoreCase))
                .ToList();

            // The holders on each day a task was made, asked once per day: a task stays when its role
            // has not changed hands since (it may have been handed to a substitute on purpose).
            foreach (var madeOnDay in moved.GroupBy(MadeOn))
            {
                var holdersThen = await roles.FindHoldersAsync(RolesOf(madeOnDay), madeOnDay.Key, session, ct);
                foreach (var task in madeOnDay)
                {
                    var holder = holdersNow[task.Role!];
                    if (!string.Equals(holdersThen.GetValueOrDefault(task.Role!)?.Address, holder.Address, StringComparison.OrdinalIgnoreCase))
                    {
                        due.Add((task.Id, holder));
                    }
                }
            }
        }

        var handedOver = 0;
        foreach (var (taskId, holder) in due)
        {
            var reason = $"Från {LocalDatePattern.Iso.Format(today)} är {holder.Name ?? holder.Address} {holder.RoleTitleSv ?? holder.Role}: uppgiften har gått över till den som har rollen nu.";
            handedOver += await runtime.ChangeAsync(Actor, async change => await change.ReassignTaskAsync(taskId, holder.Address, reason, ct) ? 1 : 0, ct);
        }

        return handedOver;
    }

    private static string[] RolesOf(IEnumerable<HumanTask> tasks) => [.. tasks.Select(t => t.Role!).Distinct(StringComparer.Ordinal)];

    private LocalDate MadeOn(HumanTask task) => task.CreatedAt.InZone(options.TimeZone).Date;
}
