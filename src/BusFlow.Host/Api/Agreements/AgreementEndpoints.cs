using BusFlow.Bus.Agreements;
using BusFlow.Bus.Cycles;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;

namespace BusFlow.Host.Api.Agreements;

/// <summary>
/// The agreements and their cycles. Administrators and viewers read them all, a secretary those with a
/// party of her organizations; administrators start and stop an agreement's cycles. Only administrators
/// enter and change agreements and their revisions: an agreement spans organizations, so no secretary keeps it.
/// </summary>
public static class AgreementEndpoints
{
    public static void MapAgreementEndpoints(this IEndpointRouteBuilder api)
    {
        var agreements = api.MapGroup("/agreements");
        agreements.MapGet("/", ListAsync).RequireAuthorization(BusFlowPolicies.Reader);
        agreements.MapGet("/{id}", GetAsync).RequireAuthorization(BusFlowPolicies.Reader);
        agreements.MapPost("/", CreateAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter)
            .WithSummary("Enters an agreement (administrators only: an agreement spans organizations)");
        agreements.MapPut("/{id}", UpdateAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter)
            .WithSummary("Changes an agreement, its parties and recipients (administrators only: an agreement spans organizations)");
        agreements.MapPost("/{id}/revisions", AddRevisionAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter)
            .WithSummary("Records a revision of an agreement's text (administrators only)");
        agreements.MapPost("/{id}/cycles/start", StartAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        agreements.MapPost("/{id}/cycles/stop", StopAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
    }

    private static async Task<IResult> ListAsync(VisibleAgreements visible, AgreementCycleControl cycles, HttpContext http, CancellationToken ct)
    {
        var states = await cycles.StatesAsync((await visible.ListAsync(http.User, ct)).Select(a => a.Id), ct);
        return Results.Ok(states.Select(AgreementResponse.Of).ToList());
    }

    private static async Task<IResult> GetAsync(string id, VisibleAgreements visible, AgreementCycleControl cycles, HttpContext http, CancellationToken ct)
    {
        // Another organization's agreement is not there for a secretary, as its boards are not.
        return await visible.SeesAsync(http.User, id, ct) && await cycles.StateAsync(id, ct) is { } state
            ? Results.Ok(AgreementResponse.Of(state))
            : NoAgreement(id);
    }

    /// <summary>POST /api/agreements { title, organizationId, validFrom, validUntil, status, bodyId, cycle, parties, recipients, predecessorId }: a new agreement.</summary>
    private static async Task<IResult> CreateAsync(AgreementRequest request, AgreementRegistry registry, AgreementCycleControl cycles, CancellationToken ct)
    {
        var saved = await registry.CreateAsync(request.ToDraft(), ct);
        return saved.Agreement is { } agreement && await cycles.StateAsync(agreement.Id, ct) is { } state
            ? Results.Created($"/api/agreements/{agreement.Id}", AgreementResponse.Of(state))
            : AgreementErrors.Problem(saved.Errors);
    }

    /// <summary>PUT /api/agreements/{id} with the whole agreement: its parties and recipients become the request's.</summary>
    private static async Task<IResult> UpdateAsync(string id, AgreementRequest request, AgreementRegistry registry, AgreementCycleControl cycles, CancellationToken ct)
    {
        var saved = await registry.UpdateAsync(id, request.ToDraft(), ct);
        return saved switch
        {
            { Found: false } => NoAgreement(id),
            { Agreement: not null } when await cycles.StateAsync(id, ct) is { } state => Results.Ok(AgreementResponse.Of(state)),
            _ => AgreementErrors.Problem(saved.Errors),
        };
    }

    /// <summary>POST /api/agreements/{id}/revisions { date, note }: a revision of the agreement's text.</summary>
    private static async Task<IResult> AddRevisionAsync(string id, AgreementRevisionRequest request, AgreementRegistry registry, CancellationToken ct)
    {
        var saved = await registry.AddRevisionAsync(id, request.Date, request.Note, ct);
        return saved switch
        {
            { Found: false } => NoAgreement(id),
            { Revision: { } revision } => Results.Created($"/api/agreements/{id}", AgreementRevisionResponse.Of(revision)),
            _ => AgreementErrors.Problem(saved.Errors, "The revision cannot be saved; nothing was saved."),
        };
    }

    /// <summary>POST /api/agreements/{id}/cycles/start: runs the annual wheel and the renewal of an agreement in force.</summary>
    private static async Task<IResult> StartAsync(string id, AgreementCycleControl cycles, HttpContext http, CancellationToken ct)
    {
        var (outcome, started) = await cycles.StartAsync(id, RequestActor.Of(http), ct);
        return outcome switch
        {
            CycleCommandOutcome.Started => Results.Ok(new CycleCommandResponse(id, outcome, started)),
            CycleCommandOutcome.NoAgreement => NoAgreement(id),
            CycleCommandOutcome.NotInForce => ApiProblems.Conflict($"{id} is not in force: only an active agreement runs its cycles.").ToResult(),
            _ => ApiProblems.Conflict($"The cycles of {id} run already.").ToResult(),
        };
    }

    /// <summary>POST /api/agreements/{id}/cycles/stop { reason }: cancels every instance of the agreement still running.</summary>
    private static async Task<IResult> StopAsync(string id, CycleStopRequest? request, AgreementCycleControl cycles, HttpContext http, CancellationToken ct)
    {
        var reason = request?.Reason?.Trim();
        if (!AgreementCycleControl.IsReason(reason))
        {
            return ApiProblems.Invalid("The cycles were not stopped.", [new ApiError("$.reason", $"why they stop, 1 to {AgreementCycleControl.ReasonMaxLength} characters: it is written in each instance's journal")]).ToResult();
        }

        var (outcome, stopped) = await cycles.StopAsync(id, RequestActor.Of(http), reason, ct);
        return outcome switch
        {
            CycleCommandOutcome.Stopped => Results.Ok(new CycleCommandResponse(id, outcome, stopped)),
            CycleCommandOutcome.NoAgreement => NoAgreement(id),
            _ => ApiProblems.Conflict($"Nothing of {id} is running.").ToResult(),
        };
    }

    private static IResult NoAgreement(string id) => ApiProblems.NotFound($"No agreement {id}.").ToResult();
}
