namespace BusFlow.Notifications.Reminders;

/// <summary>One weekly digest put in the outbox: to whom, listing how many open tasks, for which week ("2026-W16"), as which message.</summary>
public sealed record SentDigest(string Recipient, int OpenTasks, string Week, Guid MessageId);
