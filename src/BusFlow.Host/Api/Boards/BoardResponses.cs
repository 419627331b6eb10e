using BusFlow.Bus.Boards;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Host.Api.Boards;

public sealed record BoardResponse(string Id, string Code, string Name, string OrganizationId, int NoticeDays, bool NoticeInWorkingDays)
{
    public static BoardResponse Of(Board board) =>
        new(board.Id, board.Code, board.Name, board.OrganizationId, board.NoticeDays, board.NoticeInWorkingDays);
}

public sealed record MeetingResponse(Guid Id, LocalDate Date, LocalTime StartsAt, string? Place)
{
    public static MeetingResponse Of(BoardMeeting meeting) => new(meeting.Id, meeting.Date, meeting.StartsAt, meeting.Place);
}

/// <param name="Decisions">The open decisions whose meeting was taken out: each moved to the board's next meeting (to), or still waiting (to null) when none is planned.</param>
public sealed record MeetingPlanChangesResponse(string BoardId, int Year, int Planned, int Added, int Changed, int Removed, int Unchanged, IReadOnlyList<MovedDecisionResponse> Decisions)
{
    public static MeetingPlanChangesResponse Of(string boardId, int year, MeetingPlanChanges changes) =>
        new(boardId, year, changes.Planned, changes.Added, changes.Changed, changes.Removed, changes.Unchanged,
            [.. changes.Deadlines.Select(d => new MovedDecisionResponse(d.TaskId, d.Title, d.From, d.To))]);
}

public sealed record MovedDecisionResponse(Guid TaskId, string Title, LocalDate From, LocalDate? To);

public sealed record AddMeetingRequest(LocalDate? Date, LocalTime? StartsAt, string? Place);

public sealed record OrganizationResponse(string Id, string Name, OrganizationKind Kind);

public sealed record BoardRequest(string? OrganizationId, string? Code, string? Name, int? NoticeDays, bool? NoticeInWorkingDays)
{
    public BoardDraft ToDraft() => new(OrganizationId, Code, Name, NoticeDays, NoticeInWorkingDays ?? false);
}

public sealed record OrganizationRequest(string? Name, OrganizationKind? Kind);
