using NodaTime;

namespace BusFlow.Bus.Wheel;

/// <summary>
/// One year of an agreement's annual wheel (årshjul): its lanes, outermost first, and its entries in
/// date order. An entry whose span reaches into the year from the one before (or on into the next)
/// keeps its true days; a drawing clips it to the year.
/// </summary>
public sealed record YearWheel(string AgreementId, string AgreementTitle, int Year, IReadOnlyList<WheelLane> Lanes, IReadOnlyList<WheelEntry> Entries)
{
    public LocalDate FirstDay => new(Year, 1, 1);

    public LocalDate LastDay => new(Year, 12, 31);

    /// <summary>The lane an entry is drawn in: a meeting in its body's or board's, everything else in the deadlines and rounds.</summary>
    public WheelLane LaneOf(WheelEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var kind = entry.Kind switch
        {
            WheelEntryKind.CollaborationMeeting => WheelLaneKind.Collaboration,
            WheelEntryKind.BoardMeeting => WheelLaneKind.Board,
            _ => WheelLaneKind.DeadlinesAndRounds,
        };
        return Lanes.First(lane => lane.Kind == kind && (kind == WheelLaneKind.DeadlinesAndRounds || lane.Owner == entry.Owner));
    }
}
