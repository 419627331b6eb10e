using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// One meeting at a time, as a secretary enters it in a form: added on a free day from today on, or
/// taken out before it is held, when the decisions waiting on it move to the board's next meeting.
/// </summary>
public sealed class MeetingPlanEditor(IWorkflowStore store, WorkflowRuntime runtime, DecisionDeadlines deadlines, IClock clock, EngineOptions engine)
{
    public LocalDate Today => clock.GetCurrentInstant().InZone(engine.TimeZone).Date;

    public async Task<(MeetingEditOutcome Outcome, BoardMeeting? Meeting)> AddAsync(string boardId, LocalDate date, LocalTime startsAt, string? place, CancellationToken ct)
    {
        var trimmed = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        if (trimmed?.Length > MeetingPlanCsv.PlaceMaxLength)
        {
            return (MeetingEditOutcome.TooLong, null);
        }

        if (date < Today)
        {
            return (MeetingEditOutcome.InThePast, null);
        }

        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindBoardAsync(boardId, ct) is null)
        {
            return (MeetingEditOutcome.NoBoard, null);
        }

        if ((await records.ListMeetingsAsync(boardId, date, date, ct)).Count > 0)
        {
            return (MeetingEditOutcome.Taken, null);
        }

        var meeting = new BoardMeeting { Id = Guid.CreateVersion7(), BoardId = boardId, Date = date, StartsAt = startsAt, Place = trimmed };
        records.Add(meeting);
        await session.CommitAsync(ct);
        return (MeetingEditOutcome.Done, meeting);
    }

    public Task<MeetingRemoval> RemoveAsync(string boardId, Guid meetingId, string actor, CancellationToken ct) =>
        runtime.ChangeAsync(actor, async change =>
        {
            var today = Today;
            var records = change.Store.Facet<IBusRecords>();
            if (await records.FindBoardAsync(boardId, ct) is not { } board)
            {
                return new MeetingRemoval(MeetingEditOutcome.NoBoard, null);
            }

            if (await records.FindMeetingAsync(meetingId, ct) is not { } meeting || meeting.BoardId != boardId)
            {
                return new MeetingRemoval(MeetingEditOutcome.NoMeeting, null);
            }

            if (meeting.Date < today)
            {
                return new MeetingRemoval(MeetingEditOutcome.InThePast, meeting);
            }

            records.Remove(meeting);
            return new MeetingRemoval(MeetingEditOutcome.Done, meeting) { Deadlines = await deadlines.FollowPlanAsync(change, board, today, ct) };
        }, ct);
}
