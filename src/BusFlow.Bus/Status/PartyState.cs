namespace BusFlow.Bus.Status;

/// <summary>Where a party stands in a decision round, as its secretary or chair would be asked about it.</summary>
public enum PartyState
{
    /// <summary>The round has not reached the board yet (its part is not started).</summary>
    NotStarted,

    /// <summary>The board's plan has no meeting to put the matter on; its secretary has been asked for one.</summary>
    WaitingForMeetingPlan,

    /// <summary>The matter is on a meeting; nobody has been reminded yet.</summary>
    Waiting,

    /// <summary>The secretary has been reminded at least once.</summary>
    Reminded,

    /// <summary>The reminders ran out and the chair or the head of administration was told.</summary>
    Escalated,

    /// <summary>The board decided (approved or rejected).</summary>
    Decided,

    /// <summary>The board approved, and its chair has yet to sign.</summary>
    AwaitingSignature,

    /// <summary>The board approved and its chair signed.</summary>
    Signed,

    /// <summary>The board's part was stopped; it counts as undecided.</summary>
    DroppedOut,

    /// <summary>The round ended before the board decided.</summary>
    Undecided,
}
