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
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        if (message.LinkTokenIds.Count == 0)
        {
            return null;
        }

        var tokens = await session.Facet<ILinkTokens>().FindAllAsync(message.LinkTokenIds, ct);
        if (tokens.Count < message.LinkTokenIds.Distinct().Count())
        {
            return "A link in the mail no longer exists.";
        }

        foreach (var taskId in tokens.Select(t => t.TaskId).OfType<Guid>().Distinct())
        {
            switch ((await session.FindTaskAsync(taskId, ct))?.Status)
            {
                case null:
                    return "The task the mail is about no longer exists.";
                case HumanTaskStatus.Completed:
                    return "The task was answered before the mail went out.";
                case HumanTaskStatus.Cancelled:
                    return "The task was cancelled before the mail went out.";
            }
        }

        return tokens.Select(t => WhyDead(t, now)).FirstOrDefault(reason => reason is not null);
    }

    private static string? WhyDead(LinkToken token, Instant now) => token switch
    {
        { ConsumedAt: not null } => "A link in the mail was used before the mail went out.",
        { RevokedAt: not null } => "A link in the mail was withdrawn before the mail went out.",
        _ when !token.IsLive(now) => "A link in the mail expired before the mail went out.",
        _ => null,
    };
}
