using BusFlow.Bus.Model;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// One meeting at a time, as a secretary enters it in a form: added on a free day from today on, or
/// taken out before it is held. Either way the decisions waiting on a meeting no longer planned move
/// to the board's next meeting (<see cref="DecisionDeadlines"/>), in the same transaction.
/// </summary>
public sealed class MeetingPlanEditor(WorkflowRuntime runtime, DecisionDeadlines deadlines, IClock clock, EngineOptions engine)
{
    public LocalDate Today => clock.GetCurrentInstant().InZone(engine.TimeZone).Date;

    /// <summary>Adds a meeting; a decision left waiting by a meeting taken out earlier moves to it when it is the board's next.</summary>
    public Task<MeetingEdit> AddAsync(string boardId, LocalDate date, LocalTime startsAt, string? place, string actor, CancellationToken ct)
    {
        var trimmed = string.IsNullOrWhiteSpace(place) ? null : place.Trim();
        var today = Today;
        if (trimmed?.Length > MeetingPlanCsv.PlaceMaxLength)
        {
            return Task.FromResult(new MeetingEdit(MeetingEditOutcome.TooLong, null));
        }

        if (date < today)
        {
            return Task.FromResult(new MeetingEdit(MeetingEditOutcome.InThePast, null));
        }

        return runtime.ChangeAsync(actor, async change =>
        {
            var records = change.Store.Facet<IBusRecords>();
            if (await records.FindBoardAsync(boardId, ct) is not { } board)
            {
                return new MeetingEdit(MeetingEditOutcome.NoBoard, null);
            }

            if ((await records.ListMeetingsAsync(boardId, date, date, ct)).Count > 0)
            {
                return new MeetingEdit(MeetingEditOutcome.Taken, null);
            }

            var meeting = new BoardMeeting { Id = Guid.CreateVersion7(), BoardId = boardId, Date = date, StartsAt = startsAt, Place = trimmed };
            records.Add(meeting);
            return new MeetingEdit(MeetingEditOutcome.Done, meeting) { Deadlines = await deadlines.FollowPlanAsync(change, board, today, ct) };
        }, ct);
    }

    public Task<MeetingEdit> RemoveAsync(string boardId, Guid meetingId, string actor, CancellationToken ct) =>
        runtime.ChangeAsync(actor, async change =>
        {
            var today = Today;
            var records = change.Store.Facet<IBusRecords>();
            if (await records.FindBoardAsync(boardId, ct) is not { } board)
            {
                return new MeetingEdit(MeetingEditOutcome.NoBoard, null);
            }

            if (await records.FindMeetingAsync(meetingId, ct) is not { } meeting || meeting.BoardId != boardId)
            {
                return new MeetingEdit(MeetingEditOutcome.NoMeeting, null);
            }

            if (meeting.Date < today)
            {
                return new MeetingEdit(MeetingEditOutcome.InThePast, meeting);
            }

            records.Remove(meeting);
            return new MeetingEdit(MeetingEditOutcome.Done, meeting) { Deadlines = await deadlines.FollowPlanAsync(change, board, today, ct) };
        }, ct);
}
