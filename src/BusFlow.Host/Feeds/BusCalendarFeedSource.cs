using BusFlow.Bus.Calendar;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Calendars;
using BusFlow.Notifications.Delivery;
using NodaTime;

namespace BusFlow.Host.Feeds;

/// <summary>
/// The calendar feeds of the BUS: a board's feed has its meetings and the deadlines of open tasks
/// for its roles ("sn/Secretary"); a person's feed has the meetings of the boards where they hold a
/// role that day and the deadlines of their own open tasks.
/// </summary>
public sealed class BusCalendarFeedSource(MailOptions mail) : ICalendarFeedSource
{
    /// <summary>At most this many open tasks are shown in one feed.</summary>
    public const int MaxTasks = 1000;

    public async Task<CalendarFeedSubject?> DescribeAsync(IWorkflowSession session, string subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var records = session.Facet<IBusRecords>();
        return FeedSubject.Parse(subject) switch
        {
            { Kind: FeedSubjectKind.Board, Key: var id } => await records.FindBoardAsync(id, ct) is { } board
                ? new CalendarFeedSubject($"{board.Name} – sammanträden och tidsfrister")
                : null,
            { Kind: FeedSubjectKind.Person, Key: var email } => await records.FindPersonByEmailAsync(email, ct) is { } person
                ? new CalendarFeedSubject($"{person.Name} – sammanträden och tidsfrister", person.Email)
                : null,
            _ => null,
        };
    }

    public async Task<IReadOnlyList<CalendarEntry>> ListEntriesAsync(IWorkflowSession session, string subject, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var window = FeedWindow.Around(now.InZone(StockholmTime.Zone).Date);
        var records = session.Facet<IBusRecords>();
        switch (FeedSubject.Parse(subject))
        {
            case { Kind: FeedSubjectKind.Board, Key: var id } when await records.FindBoardAsync(id, ct) is { } board:
                var meetings = await records.ListMeetingsAsync(board.Id, window.From, window.Until, ct);
                var tasks = await OpenTasksAsync(session, new TaskQuery(RoleScope: board.Id), ct);
                return [.. meetings.Select(m => BusFeedEntries.Meeting(board, m)), .. tasks];

            case { Kind: FeedSubjectKind.Person, Key: var email } when await records.FindPersonByEmailAsync(email, ct) is { } person:
                var attended = await MeetingsOfAsync(records, person, window, ct);
                var own = await OpenTasksAsync(session, new TaskQuery(Assignee: person.Email), ct);
                return [.. attended, .. own];

            default:
                return [];
        }
    }

    /// <summary>The meetings of the boards where the person holds a role on the meeting's day.</summary>
    private static async Task<List<CalendarEntry>> MeetingsOfAsync(IBusRecords records, Person person, FeedWindow window, CancellationToken ct)
    {
        var assignments = await records.ListAssignmentsOfAsync(person.Id, ct);
        var boardIds = assignments
            .Where(a => a.BoardId is not null && window.Overlaps(a.From, a.Until))
            .Select(a => a.BoardId!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var entries = new List<CalendarEntry>();
        foreach (var boardId in boardIds)
        {
            if (await records.FindBoardAsync(boardId, ct) is not { } board)
            {
                continue;
            }

            foreach (var meeting in await records.ListMeetingsAsync(boardId, window.From, window.Until, ct))
            {
                if (BusFeedEntries.MayHoldRoleOn(assignments, boardId, meeting.Date)
                    && (await records.ListRoleHoldersAsync(boardId, meeting.Date, ct)).Any(h => h.Person.Id == person.Id))
                {
                    entries.Add(BusFeedEntries.Meeting(board, meeting));
                }
            }
        }

        return entries;
    }

    private async Task<IEnumerable<CalendarEntry>> OpenTasksAsync(IWorkflowSession session, TaskQuery query, CancellationToken ct)
    {
        var tasks = await session.ListTasksAsync(query with { Status = HumanTaskStatus.Open, Take = MaxTasks }, ct);
        return tasks
            .Where(t => t.DueDate is not null)
            .OrderBy(t => t.DueDate)
            .Select(t => BusFeedEntries.Deadline(t, TaskLink(t)));
    }

    private Uri TaskLink(HumanTask task) => new($"{mail.LinkBaseUrl.TrimEnd('/')}/api/tasks/{task.Id}");
}
