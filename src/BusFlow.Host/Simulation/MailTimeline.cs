using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Reminders;
using NodaTime;

namespace BusFlow.Host.Simulation;

/// <summary>
/// The outbox's messages as timeline events, at the instant each was written. A message written by
/// a workflow step takes that step's place in its instance's journal (the task it announces, the
/// SendEmail step that sent it), so it is shown right after the step. A weekly digest is labelled
/// "digest", with the number of open tasks it lists.
/// </summary>
public static class MailTimeline
{
    public const string Label = "mail";
    public const string DigestLabel = "digest";

    /// <summary>One event per message, oldest first; messages of the same moment by addressee, so that runs compare line by line.</summary>
    public static IEnumerable<TimelineEvent> Events(IReadOnlyList<InstanceHistory> histories, IEnumerable<OutboxMessage> messages, DateTimeZone zone, IReadOnlyList<SentDigest> digests)
    {
        var byInstance = histories.ToDictionary(h => h.Instance.Id);
        var digestOf = digests.ToDictionary(d => d.MessageId);
        return messages
            .OrderBy(m => m.CreatedAt)
            .ThenBy(m => m.To, StringComparer.Ordinal)
            .ThenBy(m => m.Id)
            .Select(message =>
            {
                var mail = ToEvent(message, message.InstanceId is { } id ? byInstance.GetValueOrDefault(id) : null, zone);
                return digestOf.TryGetValue(message.Id, out var digest) ? mail with { Label = DigestLabel, OpenTasks = digest.OpenTasks } : mail;
            });
    }

    private static TimelineEvent ToEvent(OutboxMessage message, InstanceHistory? history, DateTimeZone zone)
    {
        var step = history is null ? null : WritingStep(history.Journal, message);
        return new TimelineEvent(
            message.CreatedAt,
            message.CreatedAt.InZone(zone).LocalDateTime,
            step?.Kind,
            history?.Instance.DefinitionId ?? "",
            message.InstanceId ?? Guid.Empty,
            step?.Sequence ?? int.MaxValue,
            message.ActivityId,
            Subject: message.Subject,
            Recipient: message.To,
            Label: Label)
        {
            Mail = new TimelineMail(
                message.To,
                message.Subject,
                KindName(message.Kind),
                message.CalendarMethod,
                TimelineFormatter.FormatLocal(LocalDateTime.Max(message.CreatedAt.InZone(zone).LocalDateTime, message.NextAttemptAt.InZone(zone).LocalDateTime))),
        };
    }

    /// <summary>
    /// The step that wrote the message: the creation of the addressee's task, else its activity's last
    /// journal entry at that instant, else the instance's last entry by then.
    /// </summary>
    private static JournalEntry? WritingStep(IReadOnlyList<JournalEntry> journal, OutboxMessage message)
    {
        var sameStep = journal.Where(e => e.At == message.CreatedAt && e.ActivityId == message.ActivityId).ToList();
        return sameStep.LastOrDefault(e => e.Kind == JournalKind.TaskCreated && e.Payload<TaskCreatedPayload>()?.Assignee == message.To)
            ?? sameStep.LastOrDefault()
            ?? journal.LastOrDefault(e => e.At <= message.CreatedAt);
    }

    private static string KindName(EmailKind kind) => kind switch
    {
        EmailKind.Optional => "optional",
        _ => "required",
    };
}
