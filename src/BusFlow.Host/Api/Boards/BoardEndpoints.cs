using BusFlow.Bus.Boards;
using BusFlow.Bus.MeetingPlans;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace BusFlow.Host.Api.Boards;

/// <summary>
/// The boards and their meeting plans. Administrators and viewers read them all, a secretary those of
/// her own organizations; a year's plan is replaced from a CSV file by an administrator or by a
/// secretary of that board.
/// </summary>
public static class BoardEndpoints
{
    /// <summary>A year's plan is a few dozen lines; this is generous and still bounds what an upload may cost.</summary>
    public const int MaxPlanBytes = 256 * 1024;

    public static void MapBoardEndpoints(this IEndpointRouteBuilder api)
    {
        var boards = api.MapGroup("/boards");
        boards.MapGet("/", ListAsync).RequireAuthorization(BusFlowPolicies.Reader);
        boards.MapPost("/", CreateAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        boards.MapPut("/{id}", UpdateAsync).RequireAuthorization(BusFlowPolicies.Writer);
        api.MapGet("/organizations", OrganizationsAsync).RequireAuthorization(BusFlowPolicies.Reader);
        api.MapPost("/organizations", CreateOrganizationAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        boards.MapGet("/{id}/meetings", MeetingsAsync).RequireAuthorization(BusFlowPolicies.Reader);
        boards.MapPost("/{id}/meetings", AddMeetingAsync).RequireAuthorization(BusFlowPolicies.Writer);
        boards.MapDelete("/{id}/meetings/{meetingId:guid}", RemoveMeetingAsync).RequireAuthorization(BusFlowPolicies.Writer);
        boards.MapPut("/{id}/meetings/{year:int}", ReplacePlanAsync)
            .RequireAuthorization(BusFlowPolicies.Writer)
            .Accepts<string>("text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(MaxPlanBytes));
    }

    /// <summary>GET /api/boards: the boards the caller may see (a secretary: her organizations' boards).</summary>
    private static async Task<IResult> ListAsync(IWorkflowStore store, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        await using var session = await store.BeginAsync(ct);
        var boards = await session.Facet<IBusRecords>().ListBoardsAsync(ct);
        return Results.Ok(boards.Where(b => scope.SeesOrganization(b.OrganizationId)).OrderBy(b => b.Name, StringComparer.Ordinal).Select(BoardResponse.Of).ToList());
    }

    /// <summary>GET /api/organizations: the organizations the caller may see (a secretary: her own).</summary>
    private static async Task<IResult> OrganizationsAsync(IWorkflowStore store, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        await using var session = await store.BeginAsync(ct);
        var organizations = await session.Facet<IBusRecords>().ListOrganizationsAsync(ct);
        return Results.Ok(organizations.Where(o => scope.SeesOrganization(o.Id)).Select(o => new OrganizationResponse(o.Id, o.Name, o.Kind)).ToList());
    }

    /// <summary>POST /api/organizations { name, kind }: a municipality, region, federation or other party, for administrators.</summary>
    private static async Task<IResult> CreateOrganizationAsync(OrganizationRequest request, OrganizationRegistry registry, CancellationToken ct)
    {
        var (organization, errors) = await registry.CreateAsync(new OrganizationDraft(request.Name, request.Kind), ct);
        return organization is not null
            ? Results.Created($"/api/organizations/{organization.Id}", new OrganizationResponse(organization.Id, organization.Name, organization.Kind))
            : BoardErrors.Problem(errors, "The organization cannot be saved; nothing was saved.");
    }

    /// <summary>POST /api/boards { organizationId, code, name, noticeDays, noticeInWorkingDays }: a new board, for administrators.</summary>
    private static async Task<IResult> CreateAsync(BoardRequest request, BoardRegistry registry, CancellationToken ct)
    {
        var saved = await registry.CreateAsync(request.ToDraft(), ct);
        return saved.Board is { } board
            ? Results.Created($"/api/boards/{board.Id}", BoardResponse.Of(board))
            : BoardErrors.Problem(saved.Errors);
    }

    /// <summary>PUT /api/boards/{id} { code, name, noticeDays, noticeInWorkingDays }: an administrator's or the board's secretary's change.</summary>
    private static async Task<IResult> UpdateAsync(string id, BoardRequest request, BoardRegistry registry, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if (!await MayEditAsync(id, scopes, http, ct))
        {
            return ApiProblems.Forbidden("An administrator, or a secretary of the board, may change it.").ToResult();
        }

        var saved = await registry.UpdateAsync(id, request.ToDraft(), ct);
        return saved switch
        {
            { Board: { } board } => Results.Ok(BoardResponse.Of(board)),
            { Found: false } => ApiProblems.NotFound($"There is no board '{id}'.").ToResult(),
            _ => BoardErrors.Problem(saved.Errors),
        };
    }

    /// <summary>GET /api/boards/{id}/meetings?year=2027: the year's meetings in date order (this year when no year is given).</summary>
    private static async Task<IResult> MeetingsAsync(string id, int? year, IWorkflowStore store, MeetingPlanImport plans, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        var planYear = year ?? plans.Today.Year;
        if (!MeetingPlanImport.IsPlanYear(planYear))
        {
            return NotAPlanYear();
        }

        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        // Another organization's board is not there for a secretary: she learns nothing of it, not even that it exists.
        if (await records.FindBoardAsync(id, ct) is not { } board || !scope.SeesOrganization(board.OrganizationId))
        {
            return ApiProblems.NotFound($"There is no board '{id}'.").ToResult();
        }

        var meetings = await records.ListMeetingsAsync(id, new LocalDate(planYear, 1, 1), new LocalDate(planYear, 12, 31), ct);
        return Results.Ok(meetings.Select(MeetingResponse.Of).ToList());
    }

    /// <summary>POST /api/boards/{id}/meetings { date, startsAt, place }: one meeting more, on a day from today on when the board has none.</summary>
    private static async Task<IResult> AddMeetingAsync(string id, AddMeetingRequest request, MeetingPlanEditor editor, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if (!await MayEditAsync(id, scopes, http, ct))
        {
            return NotYourBoard();
        }

        if (request.Date is not { } date)
        {
            return ApiProblems.Invalid("The meeting cannot be planned.", [new ApiError("$.date", "the date of the meeting, e.g. 2027-02-10")]).ToResult();
        }

        var added = await editor.AddAsync(id, date, request.StartsAt ?? new LocalTime(13, 0), request.Place, RequestActor.Of(http), ct);
        return added.Outcome switch
        {
            MeetingEditOutcome.Done => Results.Created($"/api/boards/{id}/meetings?year={added.Meeting!.Date.Year}", MeetingResponse.Of(added.Meeting)),
            MeetingEditOutcome.NoBoard => ApiProblems.NotFound($"There is no board '{id}'.").ToResult(),
            MeetingEditOutcome.Taken => ApiProblems.Conflict($"The board meets on {date:yyyy-MM-dd} already.").ToResult(),
            MeetingEditOutcome.InThePast => ApiProblems.Invalid("The meeting cannot be planned.", [new ApiError("$.date", $"{date:yyyy-MM-dd} has passed")]).ToResult(),
            _ => ApiProblems.Invalid("The meeting cannot be planned.", [new ApiError("$.place", $"at most {MeetingPlanCsv.PlaceMaxLength} characters")]).ToResult(),
        };
    }

    /// <summary>DELETE /api/boards/{id}/meetings/{meetingId}: takes a meeting out of the plan before it is held; a held one stays.</summary>
    private static async Task<IResult> RemoveMeetingAsync(string id, Guid meetingId, MeetingPlanEditor editor, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if (!await MayEditAsync(id, scopes, http, ct))
        {
            return NotYourBoard();
        }

        return (await editor.RemoveAsync(id, meetingId, RequestActor.Of(http), ct)).Outcome switch
        {
            MeetingEditOutcome.Done => Results.NoContent(),
            MeetingEditOutcome.NoBoard => ApiProblems.NotFound($"There is no board '{id}'.").ToResult(),
            MeetingEditOutcome.InThePast => ApiProblems.Conflict("The meeting has been held; it stays in the plan.").ToResult(),
            _ => ApiProblems.NotFound($"The board '{id}' has no meeting {meetingId}.").ToResult(),
        };
    }

    private static async Task<bool> MayEditAsync(string boardId, AccountScopes scopes, HttpContext http, CancellationToken ct) =>
        (await scopes.ForAsync(http.User, ct)).KeepsBoard(boardId);

    private static IResult NotAPlanYear() =>
        ApiProblems.BadRequest($"year is between {MeetingPlanImport.FirstPlanYear} and {MeetingPlanImport.LastPlanYear}.").ToResult();

    private static IResult NotYourBoard() =>
        ApiProblems.Forbidden("An administrator, or a secretary of the board, may change its meeting plan.").ToResult();

    /// <summary>
    /// PUT /api/boards/{id}/meetings/2027 with the plan as CSV (date; time; place): the year's meetings from
    /// today on become the file's. Any error: 422 with every line and column, and nothing saved.
    /// </summary>
    private static async Task<IResult> ReplacePlanAsync(string id, int year, MeetingPlanImport plans, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if (!await MayEditAsync(id, scopes, http, ct))
        {
            return NotYourBoard();
        }

        if (!MeetingPlanImport.IsPlanYear(year))
        {
            return NotAPlanYear();
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, ct);
        var result = await plans.ImportAsync(id, year, body.ToArray(), RequestActor.Of(http), ct);
        return result switch
        {
            { BoardFound: false } => ApiProblems.NotFound($"There is no board '{id}'.").ToResult(),
            { Changes: { } changes } => Results.Ok(MeetingPlanChangesResponse.Of(id, year, changes)),
            _ => MeetingPlanErrors.Problem(result.Errors),
        };
    }
}
