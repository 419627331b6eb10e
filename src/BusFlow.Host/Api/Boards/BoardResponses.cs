using BusFlow.Bus.Boards;
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

public sealed record MeetingPlanChangesResponse(string BoardId, int Year, int Planned, int Added, int Changed, int Removed, int Unchanged);

public sealed record AddMeetingRequest(LocalDate? Date, LocalTime? StartsAt, string? Place);

public sealed record OrganizationResponse(string Id, string Name, OrganizationKind Kind);

public sealed record BoardRequest(string? OrganizationId, string? Code, string? Name, int? NoticeDays, bool? NoticeInWorkingDays)
{
    public BoardDraft ToDraft() => new(OrganizationId, Code, Name, NoticeDays, NoticeInWorkingDays ?? false);
}

public sealed record OrganizationRequest(string? Name, OrganizationKind? Kind);
