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
            var holders = new Dictionary<(string, LocalDate), ReminderRecipient?>();
            async Task<ReminderRecipient?> HolderAsync(string role, LocalDate day)
            {
                if (!holders.TryGetValue((role, day), out var holder))
                {
                    holder = holders[(role, day)] = await roles.FindHolderAsync(role, day, session, ct);
                }

                return holder;
            }

            var open = await session.ListTasksAsync(new TaskQuery(Status: HumanTaskStatus.Open, Take: 100_000), ct);
            foreach (var task in open.Where(t => t.Role is not null))
            {
                var made = task.CreatedAt.InZone(options.TimeZone).Date;
                if (made >= today
                    || await HolderAsync(task.Role!, today) is not { } holder
                    || string.Equals(holder.Address, task.Assignee, StringComparison.OrdinalIgnoreCase)
                    || string.Equals((await HolderAsync(task.Role!, made))?.Address, holder.Address, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                due.Add((task.Id, holder));
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
}
