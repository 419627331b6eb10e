using BusFlow.Engine.Reminders;

namespace BusFlow.Engine.Journal;

/// <summary>One person a reminder reached, in the role it reached them in, and what was done for them (mailed, left to the digest, …).</summary>
public sealed record ReachedRecipient(string Address, string? Name, string? Role, ReminderHandling Handling);
