using NodaTime;

namespace BusFlow.Host.Feeds;

/// <summary>The days a feed shows meetings for: from three months back to eighteen months ahead, inclusive.</summary>
public sealed record FeedWindow(LocalDate From, LocalDate Until)
{
    public const int MonthsBack = 3;
    public const int MonthsAhead = 18;

    public static FeedWindow Around(LocalDate today) => new(today.PlusMonths(-MonthsBack), today.PlusMonths(MonthsAhead));

    public bool Overlaps(LocalDate from, LocalDate? until) => from <= Until && (until is null || until >= From);
}
