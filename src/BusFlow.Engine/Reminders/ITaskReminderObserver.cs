using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Reminders;

/// <summary>
/// Told when a task's reminder (or its escalation) is due, once per recipient, inside the
/// transaction that fires the reminder: a module's records (the mail in the outbox) commit with it.
/// </summary>
public interface ITaskReminderObserver
{
    Task<ReminderHandling> OnReminderDueAsync(TaskReminderNotice notice, IWorkflowSession session, CancellationToken ct);
}

/// <summary>
/// One reminder to one person: the task, the policy it follows, which reminder it is, and who is
/// reminded — the holder of the task's role that day, or for an escalation one of the people told.
/// </summary>
public sealed record TaskReminderNotice(HumanTask Task, ReminderPolicy Policy, ReminderKind Kind, int Number, ReminderRecipient Recipient, Instant At);

/// <summary>A person reminded: the address, the name when known, and the role by which they are reminded.</summary>
public sealed record ReminderRecipient(string Address, string? Name, string? Role)
{
    /// <summary>The role as people say it, in Swedish and English: "ordförande i Socialnämnden", "chair of Socialnämnden".</summary>
    public string? RoleTitleSv { get; init; }

    /// <inheritdoc cref="RoleTitleSv"/>
    public string? RoleTitleEn { get; init; }
}

/// <summary>What became of a reminder; written to the journal.</summary>
public enum ReminderHandling
{
    /// <summary>Nothing to do for this recipient (e.g. no mail for a non-address).</summary>
    None,

    /// <summary>A message was put in the outbox.</summary>
    Mailed,

    /// <summary>Left to the recipient's weekly digest, which goes out before the due date.</summary>
    InDigest,
}
