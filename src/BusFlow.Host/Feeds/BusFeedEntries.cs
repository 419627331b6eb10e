using BusFlow.Bus.Calendar;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Calendars;
using NodaTime;

namespace BusFlow.Host.Feeds;

/// <summary>
/// BUS meetings and task deadlines as calendar events, in Swedish. Each event's UID comes from the
/// meeting's or task's id, so a subscribed calendar updates it rather than adding a copy.
/// </summary>
public static class BusFeedEntries
{
    /// <summary>The meeting plan has start times only; a meeting is shown as lasting this long.</summary>
    public static readonly Period MeetingLength = Period.FromHours(2);

    public static MeetingEntry Meeting(Board board, BoardMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(meeting);
        var start = meeting.Date.At(meeting.StartsAt);
        return new MeetingEntry(
            $"meeting-{meeting.Id:N}@busflow",
            0,
            $"Sammanträde: {board.Name}",
            $"{board.Name} ({board.Code}) sammanträder enligt sammanträdesplanen. Sluttiden är ungefärlig.",
            null,
            start,
            start + MeetingLength,
            StockholmTime.Zone.Id);
    }

    /// <summary>The task's due date as an all-day event with a reminder; the task must have a due date.</summary>
    public static DeadlineEntry Deadline(HumanTask task, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(task);
        var due = task.DueDate ?? throw new ArgumentException($"The task {task.Id} has no due date.", nameof(task));
        var description = string.IsNullOrWhiteSpace(task.Description)
            ? $"Uppgiften är tilldelad {task.Assignee}."
            : $"{task.Description.Trim()}\n\nUppgiften är tilldelad {task.Assignee}.";
        return new DeadlineEntry($"task-{task.Id:N}-due@busflow", 0, $"Sista dag: {task.Title}", description, due) { Url = link };
    }

    /// <summary>
    /// Whether one of a person's assignments puts them on the board on a day. Of overlapping
    /// one-seat roles only the latest counts, so the storage's role holders have the last word.
    /// </summary>
    public static bool MayHoldRoleOn(IEnumerable<RoleAssignment> assignments, string boardId, LocalDate day) =>
        assignments.Any(a => a.BoardId == boardId && a.IsHeldOn(day));
}
