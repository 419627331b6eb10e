using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Links;
using BusFlow.Notifications.Outbox;
using NodaTime;

namespace BusFlow.Notifications.Delivery;

/// <summary>
/// Why a message must not go out because what it links to is gone: its task was answered or
/// cancelled, or one of its links or codes was used, withdrawn or expired, since it was written.
/// A reminder held overnight for the reminder window, for instance, is not sent for a task answered
/// in the morning.
/// </summary>
public static class DeadLinks
{
    /// <summary>The reason the message is withdrawn, or null when every link it carries still opens its task.</summary>
    public static async Task<string?> WhyWithdrawnAsync(IWorkflowSession session, OutboxMessage message, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (await WhyWithdrawnAsync(session, [message], now, ct)).GetValueOrDefault(message.Id);
    }

    /// <summary>
    /// The reason each of <paramref name="messages"/> that must not go out is withdrawn, by message id; the others
    /// are not named. Two reads for the lot: their link tokens, and the tasks those open.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> WhyWithdrawnAsync(
        IWorkflowSession session, IReadOnlyCollection<OutboxMessage> messages, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(messages);
        var reasons = new Dictionary<Guid, string>();
        var tokenIds = messages.SelectMany(m => m.LinkTokenIds).ToHashSet();
        if (tokenIds.Count == 0)
        {
            return reasons;
        }

        var tokens = (await session.Facet<ILinkTokens>().FindAllAsync(tokenIds, ct)).ToDictionary(t => t.Id);
        var taskIds = tokens.Values.Select(t => t.TaskId).OfType<Guid>().ToHashSet();
        var tasks = taskIds.Count == 0
            ? new Dictionary<Guid, HumanTaskStatus>()
            : (await session.ListTasksAsync(new TaskQuery(TaskIds: taskIds, Take: taskIds.Count), ct)).ToDictionary(t => t.Id, t => t.Status);
        foreach (var message in messages)
        {
            if (WhyWithdrawn(message, tokens, tasks, now) is { } reason)
            {
                reasons[message.Id] = reason;
            }
        }

        return reasons;
    }

    private static string? WhyWithdrawn(OutboxMessage message, Dictionary<Guid, LinkToken> tokens, Dictionary<Guid, HumanTaskStatus> tasks, Instant now)
    {
        if (message.LinkTokenIds.Count == 0)
        {
            return null;
        }

        if (message.LinkTokenIds.Any(id => !tokens.ContainsKey(id)))
        {
            return "A link in the mail no longer exists.";
        }

        var carried = message.LinkTokenIds.Distinct().Select(id => tokens[id]).ToList();
        foreach (var taskId in carried.Select(t => t.TaskId).OfType<Guid>().Distinct())
        {
            switch (tasks.TryGetValue(taskId, out var status) ? status : (HumanTaskStatus?)null)
            {
                case null:
                    return "The task the mail is about no longer exists.";
                case HumanTaskStatus.Completed:
                    return "The task was answered before the mail went out.";
                case HumanTaskStatus.Cancelled:
                    return "The task was cancelled before the mail went out.";
            }
        }

        return carried.Select(t => WhyDead(t, now)).FirstOrDefault(reason => reason is not null);
    }

    private static string? WhyDead(LinkToken token, Instant now) => token switch
    {
        { ConsumedAt: not null } => "A link in the mail was used before the mail went out.",
        { RevokedAt: not null } => "A link in the mail was withdrawn before the mail went out.",
        _ when !token.IsLive(now) => "A link in the mail expired before the mail went out.",
        _ => null,
    };
}
