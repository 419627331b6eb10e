using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// Carries a changed meeting plan into the decisions waiting on it, in the same transaction: an open
/// task for a board's decision (its data names the board and the meeting date) whose meeting is no
/// longer in the plan moves to the board's first meeting whose notice day is on or after the day it
/// looked from (and not before today, <see cref="NoticeRule"/>), with that notice day, its reminders and a mail to the assignee. A task whose meeting still stands is left alone.
/// </summary>
public sealed class DecisionDeadlines(IWorkingDayCalendar calendar, EngineOptions engine)
{
    public const string BoardKey = "board";
    public const string MeetingDateKey = "meetingDate";
    public const string NoticeByKey = "noticeBy";

    /// <summary>The first day the task's workflow looked for a meeting from (board-decision v2 and later write it).</summary>
    public const string NotBeforeKey = "notBefore";

    /// <summary>The meeting the task was first for, kept when it moves.</summary>
    public const string MeetingMovedFromKey = "meetingMovedFrom";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public async Task<IReadOnlyList<DeadlineMove>> FollowPlanAsync(WorkflowChange change, Board board, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(board);
        var records = change.Store.Facet<IBusRecords>();
        var open = await change.Store.ListTasksAsync(new TaskQuery(Status: HumanTaskStatus.Open, RoleScope: board.Id, Take: 10_000), ct);
        var moves = new List<DeadlineMove>();
        foreach (var task in open)
        {
            if (WaitingMeeting(task, board.Id) is not { } waiting
                || (await records.ListMeetingsAsync(board.Id, waiting.Meeting, waiting.Meeting, ct)).Count > 0)
            {
                continue;
            }

            var ready = LocalDate.Max(waiting.NotBefore ?? task.CreatedAt.InZone(engine.TimeZone).Date, today);
            var next = await records.FirstMeetingNoticedOnOrAfterAsync(board, ready, calendar, ct);
            if (next is null)
            {
                moves.Add(new DeadlineMove(task.Id, task.Title, waiting.Meeting, null));
                continue;
            }

            await change.MoveTaskAsync(task.Id, MoveTo(task, board, waiting.Meeting, next), ct);
            moves.Add(new DeadlineMove(task.Id, task.Title, waiting.Meeting, next.Date));
        }

        return moves;
    }

    private TaskMove MoveTo(HumanTask task, Board board, LocalDate previous, BoardMeeting next) =>
        new(next.Date, string.Format(Swedish, "{0}s sammanträde {1:d MMMM yyyy} finns inte längre i sammanträdesplanen. Beslutet tas i stället på sammanträdet {2:d MMMM yyyy}.", board.Code, previous.ToDateTimeUnspecified(), next.Date.ToDateTimeUnspecified()))
        {
            Data = new JsonObject
            {
                [MeetingDateKey] = Values.FromDate(next.Date),
                [NoticeByKey] = Values.FromDate(board.NoticeBy(next.Date, calendar)),
                [MeetingMovedFromKey] = Values.FromDate(previous),
            },
            // The title and description were written from the old meeting when the task was made.
            Title = Redate(task.Title, previous, next.Date),
            Description = task.Description is { } description ? Redate(description, previous, next.Date) : null,
        };

    private static string Redate(string text, LocalDate previous, LocalDate next) =>
        text.Replace(Iso(previous), Iso(next), StringComparison.Ordinal);

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static (LocalDate Meeting, LocalDate? NotBefore)? WaitingMeeting(HumanTask task, string boardId)
    {
        if (task.DueDate is null || task.DataJson is not { } json || JsonNode.Parse(json) is not JsonObject data
            || data[BoardKey]?.GetValueKind() != JsonValueKind.String || (string?)data[BoardKey] != boardId
            || DateOf(data[MeetingDateKey]) is not { } meeting)
        {
            return null;
        }

        return (meeting, DateOf(data[NotBeforeKey]));
    }

    private static LocalDate? DateOf(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String
        && LocalDatePattern.Iso.Parse((string)node!) is { Success: true } parsed ? parsed.Value : null;
}
