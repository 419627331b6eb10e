using BusFlow.Bus.Bodies;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using NodaTime.Text;

namespace BusFlow.Host.Api.Bodies;

/// <summary>The collaboration bodies, read only: administrators and viewers read them all, a secretary her organizations'.</summary>
public static class BodyEndpoints
{
    public static void MapBodyEndpoints(this IEndpointRouteBuilder api)
    {
        var bodies = api.MapGroup("/bodies");
        bodies.MapGet("/", ListAsync).RequireAuthorization(BusFlowPolicies.Reader);
        bodies.MapGet("/{id}", FindAsync).RequireAuthorization(BusFlowPolicies.Reader);
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
}
