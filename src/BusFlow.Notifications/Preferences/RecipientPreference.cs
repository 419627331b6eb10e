using NodaTime;

namespace BusFlow.Notifications.Preferences;

/// <summary>
/// What a person chose about optional mail. Required task mail (a new task, reminders on and after
/// the due date, escalations) cannot be turned off; the weekly digest can, with one click.
/// Without a row, the defaults hold.
/// </summary>
public sealed class RecipientPreference
{
    /// <summary>The person's e-mail address, lower case.</summary>
    public required string Address { get; set; }

    /// <summary>
    /// A weekly "waiting for you" digest in place of early reminders, when the person has several
    /// open tasks. Default: on.
    /// </summary>
    public bool WeeklyDigest { get; set; } = true;

    public Instant ChangedAt { get; set; }

    public int Version { get; set; }
}
