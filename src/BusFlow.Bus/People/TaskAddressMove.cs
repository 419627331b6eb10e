using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.People;

/// <summary>
/// A person's new e-mail address reaches the tasks waiting for her, in the transaction that changes
/// it: each open task for the old address goes to the new one, whose links are mailed there, and the
/// links the old address was given die.
/// </summary>
public static class TaskAddressMove
{
    public static async Task<int> MoveAsync(WorkflowChange change, string previousEmail, string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(previousEmail);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (string.Equals(previousEmail.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var open = await change.Store.ListTasksAsync(new TaskQuery(Assignee: previousEmail, Status: HumanTaskStatus.Open, Take: 10_000), ct);
        var moved = 0;
        foreach (var task in open)
        {
            moved += await change.ReassignTaskAsync(task.Id, email.Trim(), $"E-postadressen har ändrats från {previousEmail} till {email.Trim()}.", ct) ? 1 : 0;
        }

        return moved;
    }
}
