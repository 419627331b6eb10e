using NodaTime;

namespace BusFlow.Notifications.Calendars;

/// <summary>A person in an invitation: an e-mail address and, when known, a name.</summary>
public sealed record CalendarPerson(string Email, string? Name = null);

/// <summary>
/// One event of a calendar feed. <see cref="Uid"/> is stable for the thing it shows (a meeting,
/// a task's deadline) and <see cref="Sequence"/> grows each time it changes.
/// </summary>
public abstract record CalendarEntry(string Uid, int Sequence, string Summary, string? Description)
{
    /// <summary>Where to read more (the task or meeting in BusFlow).</summary>
    public Uri? Url { get; init; }
}

/// <summary>A meeting from <see cref="Start"/> to <see cref="End"/>, local times in <see cref="Zone"/>.</summary>
public sealed record MeetingEntry(
    string Uid,
    int Sequence,
    string Summary,
    string? Description,
    string? Location,
    LocalDateTime Start,
    LocalDateTime End,
    string Zone = CalendarInvitations.DefaultZone) : CalendarEntry(Uid, Sequence, Summary, Description)
{
    /// <summary>A cancelled meeting stays in a feed with STATUS:CANCELLED.</summary>
    public bool Cancelled { get; init; }
}

/// <summary>A deadline: an all-day event on <see cref="Date"/>, with a reminder the day before at 09:00.</summary>
public sealed record DeadlineEntry(
    string Uid,
    int Sequence,
    string Summary,
    string? Description,
    LocalDate Date) : CalendarEntry(Uid, Sequence, Summary, Description);
