using BusFlow.Bus.Model;
using BusFlow.Bus.People;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using NodaTime.Text;

namespace BusFlow.Host.Api.People;

/// <summary>
/// People and their roles over time. Anyone who reads may read them. Administrators change everything;
/// a secretary enters people, changes those whose every assignment is on her boards
/// (<see cref="AccountScope.MayChangePerson"/>), and adds, changes and removes assignments on the boards
/// she keeps. A body's assignments are an administrator's.
/// </summary>
public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder api)
    {
        var people = api.MapGroup("/people");
        people.MapGet("/", ListAsync).RequireAuthorization(BusFlowPolicies.Reader);
        people.MapGet("/{id}", FindAsync).RequireAuthorization(BusFlowPolicies.Reader);
        people.MapPost("/", CreateAsync).RequireAuthorization(BusFlowPolicies.Writer);
        people.MapPut("/{id}", UpdateAsync).RequireAuthorization(BusFlowPolicies.Writer);
        people.MapPost("/{id}/assignments", AssignAsync).RequireAuthorization(BusFlowPolicies.Writer);
        api.MapPut("/assignments/{id:guid}", ChangeDaysAsync).RequireAuthorization(BusFlowPolicies.Writer);
        api.MapDelete("/assignments/{id:guid}", RemoveAsync).RequireAuthorization(BusFlowPolicies.Writer);
        api.MapGet("/boards/{id}/roles", PreviewAsync).RequireAuthorization(BusFlowPolicies.Reader);
    }

    /// <summary>GET /api/people: everyone in the directory the caller sees (a secretary: her organizations' people), by name.</summary>
    private static async Task<IResult> ListAsync(VisiblePeople visible, HttpContext http, CancellationToken ct) =>
        Results.Ok((await visible.ListAsync(http.User, ct)).Select(PersonResponse.Of).ToList());

    /// <summary>GET /api/people/{id}: a person with her assignments on boards and in bodies, in the order they start.</summary>
    private static async Task<IResult> FindAsync(string id, IWorkflowStore store, VisiblePeople visible, HttpContext http, CancellationToken ct)
    {
        if (!await visible.SeesAsync(http.User, id, ct))
        {
            return NoPerson(id);
        }

        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindPersonAsync(id, ct) is not { } person)
        {
            return NoPerson(id);
        }

        var assignments = await records.ListAssignmentsOfAsync(id, ct);
        return Results.Ok(new PersonDetailsResponse(person.Id, person.Name, person.Email, person.Language, [.. assignments.Select(AssignmentResponse.Of)]));
    }

    /// <summary>POST /api/people { name, email, language }: a new person, for administrators and secretaries. The id is made from the name.</summary>
    private static async Task<IResult> CreateAsync(PersonRequest request, PersonRegistry registry, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if (!(await scopes.ForAsync(http.User, ct)).MayEnterPeople)
        {
            return ApiProblems.Forbidden("An administrator or a secretary may enter a person.").ToResult();
        }

        var saved = await registry.CreateAsync(request.ToDraft(), ct);
        return saved.Person is { } person
            ? Results.Created($"/api/people/{person.Id}", PersonResponse.Of(person))
            : PeopleErrors.Problem(saved.Errors);
    }

    /// <summary>
    /// PUT /api/people/{id} { name, email, language }: an administrator's change, or a secretary's of someone
    /// whose every assignment is on a board she keeps.
    /// </summary>
    private static async Task<IResult> UpdateAsync(string id, PersonRequest request, PersonRegistry registry, IWorkflowStore store, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        IReadOnlyList<RoleAssignment> assignments;
        await using (var session = await store.BeginAsync(ct))
        {
            var records = session.Facet<IBusRecords>();
            if (await records.FindPersonAsync(id, ct) is null)
            {
                return scope.MayEnterPeople ? NoPerson(id) : NotYours();
            }

            assignments = await records.ListAssignmentsOfAsync(id, ct);
        }

        if (!scope.MayChangePerson(assignments))
        {
            return NotYours();
        }

        var saved = await registry.UpdateAsync(id, request.ToDraft(), RequestActor.Of(http), ct);
        return saved switch
        {
            { Person: { } person } => Results.Ok(PersonResponse.Of(person)),
            { Found: false } => NoPerson(id),
            _ => PeopleErrors.Problem(saved.Errors),
        };
    }

    /// <summary>
    /// POST /api/people/{id}/assignments { role, boardId or bodyId, from, until }: a role for the person, for an
    /// administrator or the secretary of the board. A one-seat role given for a day someone else holds it is
    /// refused with 422, naming the assignment it overlaps.
    /// </summary>
    private static async Task<IResult> AssignAsync(string id, AssignmentRequest request, AssignmentRegistry registry, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        if (!scope.IsAdministrator && (request.BodyId is { Length: > 0 } || !scope.ActsForBoard(request.BoardId)))
        {
            return NotYourBoard();
        }

        var saved = await registry.AddAsync(new AssignmentDraft(id, request.Role, request.BoardId, request.BodyId, request.From, request.Until), ct);
        return saved.Assignment is { } assignment
            ? Results.Created($"/api/people/{assignment.PersonId}", AssignmentResponse.Of(assignment))
            : saved.Errors.Any(e => e.Problem == AssignmentProblem.NoPerson) ? NoPerson(id) : PeopleErrors.Problem(saved.Errors);
    }

    /// <summary>PUT /api/assignments/{id} { from, until }: new days for an assignment; an end set when a mandate is over.</summary>
    private static async Task<IResult> ChangeDaysAsync(Guid id, AssignmentDaysRequest request, AssignmentRegistry registry, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if (await RefusedAsync(id, registry, scopes, http, ct) is var (refusal, assignment) && refusal is not null)
        {
            return refusal;
        }

        var saved = await registry.ChangeDaysAsync(id, request.From ?? assignment!.From, request.Until, ct);
        return saved switch
        {
            { Assignment: { } changed } => Results.Ok(AssignmentResponse.Of(changed)),
            { Found: false } => NoAssignment(id),
            _ => PeopleErrors.Problem(saved.Errors),
        };
    }

    /// <summary>DELETE /api/assignments/{id}: takes out an assignment entered by mistake. One that ends is given its until instead.</summary>
    private static async Task<IResult> RemoveAsync(Guid id, AssignmentRegistry registry, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        if ((await RefusedAsync(id, registry, scopes, http, ct)).Refusal is { } refusal)
        {
            return refusal;
        }

        return await registry.RemoveAsync(id, ct) is null ? NoAssignment(id) : Results.NoContent();
    }

    /// <summary>
    /// GET /api/boards/{id}/roles?on=2027-01-01: who holds which role on the board today and on the day (by
    /// default the next 1 January), each role marked when it changes hands between the two.
    /// </summary>
    private static async Task<IResult> PreviewAsync(string id, string? on, RolePreview preview, IWorkflowStore store, CancellationToken ct)
    {
        var day = LocalDatePattern.Iso.Parse(on ?? "");
        if (on is not null && !day.Success)
        {
            return ApiProblems.Invalid("The day cannot be read.", [new ApiError("on", "a date, e.g. 2027-01-01")]).ToResult();
        }

        await using (var session = await store.BeginAsync(ct))
        {
            if (await session.Facet<IBusRecords>().FindBoardAsync(id, ct) is null)
            {
                return ApiProblems.NotFound($"There is no board '{id}'.").ToResult();
            }
        }

        var sheet = await preview.OfAsync(id, day.Success ? day.Value : null, ct);
        return sheet is null ? ApiProblems.NotFound($"There is no board '{id}'.").ToResult() : Results.Ok(RolePreviewResponse.Of(sheet));
    }

    /// <summary>The assignment, and a refusal when it is not there or not the caller's to change.</summary>
    private static async Task<(IResult? Refusal, RoleAssignment? Assignment)> RefusedAsync(
        Guid id, AssignmentRegistry registry, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        if (await registry.FindAsync(id, ct) is not { } assignment)
        {
            return (scope.MayEnterPeople ? NoAssignment(id) : NotYourBoard(), null);
        }

        return (scope.KeepsAssignment(assignment) ? null : NotYourBoard(), assignment);
    }

    private static IResult NoPerson(string id) => ApiProblems.NotFound($"There is no person '{id}'.").ToResult();

    private static IResult NoAssignment(Guid id) => ApiProblems.NotFound($"There is no assignment {id}.").ToResult();

    private static IResult NotYours() =>
        ApiProblems.Forbidden("An administrator may change this person; a secretary only someone whose every assignment is on a board she keeps.").ToResult();

    private static IResult NotYourBoard() =>
        ApiProblems.Forbidden("An administrator, or a secretary of the board, may change its role assignments; a body's are an administrator's.").ToResult();
}
