using NodaTime;

namespace BusFlow.Bus.Status;

/// <summary>
/// One party of a decision round: its state, the open task that waits on it (with whom, due when, how
/// often reminded), its decision, the meetings the matter was referred back or tabled to, and the signature.
/// </summary>
public sealed record PartyStatus(string BoardId, PartyState State)
{
    public ActionNeeded? OpenTask { get; init; }

    public IReadOnlyList<PartyReminder> Reminders { get; init; } = [];

    public PartyDecisionTaken? Decision { get; init; }

    /// <summary>The meeting the matter is on now, when the board has a task for it.</summary>
    public LocalDate? MeetingDate { get; init; }

    /// <summary>The meetings the matter moved to after a referral back or a tabling, in order.</summary>
    public IReadOnlyList<LocalDate> MovedToMeetings { get; init; } = [];

    public Instant? SignedAt { get; init; }

    public string? SignedBy { get; init; }
}
