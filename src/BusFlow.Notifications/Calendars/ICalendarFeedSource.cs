using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Notifications.Calendars;

/// <summary>
/// What a calendar feed shows, supplied by whoever knows its subjects ("board:sn",
/// "person:anna@exempelby.test"): notifications only keeps the secret links to them.
/// </summary>
public interface ICalendarFeedSource
{
    /// <summary>The subject's calendar name and owner, read in <paramref name="session"/>; null when the subject names nothing known.</summary>
    Task<CalendarFeedSubject?> DescribeAsync(IWorkflowSession session, string subject, CancellationToken ct);

    /// <summary>The subject's meetings and deadlines around <paramref name="now"/>.</summary>
    Task<IReadOnlyList<CalendarEntry>> ListEntriesAsync(IWorkflowSession session, string subject, Instant now, CancellationToken ct);
}

/// <summary>A feed's subject as people see it: the calendar's name and, for a person's feed, their address.</summary>
public sealed record CalendarFeedSubject(string Name, string? Email = null);
