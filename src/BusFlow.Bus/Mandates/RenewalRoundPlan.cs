using NodaTime;

namespace BusFlow.Bus.Mandates;

/// <summary>
/// When a renewal's decision round asks the boards and when it ends.
/// </summary>
/// <param name="StartsOn">The first day the round may be prepared: today, or the new boards' first day in the election gap.</param>
/// <param name="Deadline">The round's last day: a month before the old agreement ends, or later when a board's next possible meeting is later.</param>
/// <param name="Meetings">Each deciding board's next possible meeting by its notice rule; null where its plan has none.</param>
/// <param name="WarningSv">What the coordinator and the administrator must know, in Swedish; null when all is well.</param>
/// <param name="WarningEn">The same in English.</param>
public sealed record RenewalRoundPlan(
    LocalDate StartsOn,
    LocalDate Deadline,
    IReadOnlyDictionary<string, LocalDate?> Meetings,
    string? WarningSv,
    string? WarningEn)
{
    /// <summary>Each deciding board's code (SN, BUN), for the texts that name them.</summary>
    public IReadOnlyDictionary<string, string> BoardCodes { get; init; } = new Dictionary<string, string>();

    /// <summary>The round can end only after the old agreement has ended: the collaboration goes on under the lapsed agreement meanwhile.</summary>
    public bool EndsAfterAgreement { get; init; }
}
