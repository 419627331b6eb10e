using BusFlow.Bus.Bodies;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using NodaTime.Text;

namespace BusFlow.Host.Api.Bodies;

/// <summary>
/// The collaboration bodies: administrators and viewers read them all, a secretary her organizations'. Only an
/// administrator (with a token that may write) enters and changes them, as with their members (POST
/// /api/people/{id}/assignments with a bodyId): a body spans the organization's boards, more than one secretary keeps.
/// </summary>
public static class BodyEndpoints
{
    public static void MapBodyEndpoints(this IEndpointRouteBuilder api)
    {
        var bodies = api.MapGroup("/bodies");
        bodies.MapGet("/", ListAsync).RequireAuthorization(BusFlowPolicies.Reader);
        bodies.MapGet("/{id}", FindAsync).RequireAuthorization(BusFlowPolicies.Reader);
        bodies.MapPost("/", CreateAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
        bodies.MapPut("/{id}", UpdateAsync).RequireAuthorization(BusFlowPolicies.AdministratorWriter);
    }

    private static async Task<IResult> ListAsync(BodyDirectory bodies, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var scope = await scopes.ForAsync(http.User, ct);
        return Results.Ok((await bodies.ListAsync(ct)).Where(b => scope.SeesOrganization(b.OrganizationId)).Select(BodyResponse.Of).ToList());
    }

    /// <summary>GET /api/bodies/{id}?on=2027-01-01: the body with its members that day (today by default) and its conveners for four years.</summary>
    private static async Task<IResult> FindAsync(string id, string? on, BodyDirectory bodies, AccountScopes scopes, HttpContext http, CancellationToken ct)
    {
        var day = on is null ? null : LocalDatePattern.Iso.Parse(on) is { Success: true } parsed ? parsed.Value : (NodaTime.LocalDate?)null;
        if (on is not null && day is null)
        {
            return ApiProblems.Invalid("The day cannot be read.", [new ApiError("on", $"'{on}' is not a date: write it as 2027-01-01")]).ToResult();
        }

        var scope = await scopes.ForAsync(http.User, ct);
        return await bodies.FindAsync(id, day, ct) is { } view && scope.SeesOrganization(view.Body.OrganizationId)
            ? Results.Ok(BodyResponse.Of(view))
            : ApiProblems.NotFound($"There is no body '{id}'.").ToResult();
    }

    /// <summary>POST /api/bodies { name, kind, organizationId, agreementId, rotationOrder, rotationStartYear }: a new body, its id made from organization and name.</summary>
    private static async Task<IResult> CreateAsync(BodyRequest request, BodyRegistry registry, CancellationToken ct)
    {
        var saved = await registry.CreateAsync(request.ToDraft(), ct);
        return saved.Body is { } body ? Results.Created($"/api/bodies/{body.Id}", BodyResponse.Of(body)) : BodyErrors.Problem(saved.Errors);
    }

    /// <summary>PUT /api/bodies/{id} with the whole body: its particulars and rotation become the request's; the convener preview follows at once.</summary>
    private static async Task<IResult> UpdateAsync(string id, BodyRequest request, BodyRegistry registry, CancellationToken ct)
    {
        var saved = await registry.UpdateAsync(id, request.ToDraft(), ct);
        return saved switch
        {
            { Body: { } body } => Results.Ok(BodyResponse.Of(body)),
            { Found: false } => ApiProblems.NotFound($"There is no body '{id}'.").ToResult(),
            _ => BodyErrors.Problem(saved.Errors),
        };
    }
}
