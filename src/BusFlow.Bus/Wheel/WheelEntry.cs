using NodaTime;

namespace BusFlow.Bus.Wheel;

/// <summary>
/// One mark on the annual wheel: a day (<see cref="Start"/> equals <see cref="End"/>) or a span, both
/// inclusive, and whose it is: a board's id, the collaboration body's, or the agreement's.
/// </summary>
/// <param name="Owner">The board, body or agreement the entry belongs to; empty for the general election.</param>
/// <param name="OwnerName">Its name for people: the board's code, the body's name, the agreement's title.</param>
public sealed record WheelEntry(WheelEntryKind Kind, WheelLabel Label, LocalDate Start, LocalDate End, string Owner, string OwnerName)
{
    public bool IsSpan => End > Start;

    /// <summary>The year the priorities are for, for the entries of the autumn's decision round.</summary>
    public int? PlanYear { get; init; }

    /// <summary>The meeting a notice day is for, for <see cref="WheelLabel.PrioritiesNoticeBy"/>.</summary>
    public LocalDate? MeetingDate { get; init; }

    /// <summary>When a board's meeting starts, local time.</summary>
    public LocalTime? StartsAt { get; init; }

    public string? Place { get; init; }

    /// <summary>Who convenes the yearly follow-up this year (the boards' names), for <see cref="WheelLabel.FollowUpMeeting"/>.</summary>
    public string? Convener { get; init; }

    /// <summary>Who convenes it the year after.</summary>
    public string? NextConvener { get; init; }
}
