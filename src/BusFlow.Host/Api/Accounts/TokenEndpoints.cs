using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Accounts.Tokens;
using BusFlow.Host.Api.Errors;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace BusFlow.Host.Api.Accounts;

/// <summary>
/// A person's own personal API tokens: listed without their secrets, made (the secret is in the 201
/// answer, once) and revoked. Tokens are made from a signed-in session, not by another token.
/// </summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens");
        tokens.MapGet("/", ListAsync).RequireAuthorization();
        tokens.MapPost("/", CreateAsync).RequireAuthorization(BusFlowPolicies.Writer);
        tokens.MapPost("/{id:guid}/revoke", RevokeAsync).RequireAuthorization(BusFlowPolicies.Writer);
    }

    private static async Task<IResult> ListAsync(UserManager<BusFlowUser> users, IApiTokenStore store, HttpContext http, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        return user is null ? Results.Unauthorized() : Results.Ok((await store.ListOfAsync(user.Id, ct)).Select(TokenResponse.From).ToList());
    }

    private static async Task<IResult> CreateAsync(
        CreateTokenRequest request, UserManager<BusFlowUser> users, ApiTokenIssuer issuer, AuditTrail audit, HttpContext http, CancellationToken ct)
    {
        if (http.User.HasClaim(c => c.Type == BusFlowClaims.TokenId))
        {
            return ApiProblems.Forbidden("A token cannot make another token; sign in to make one.").ToResult();
        }

        var errors = new List<ApiError>();
        if (request.Name is null || request.Name.Trim().Length is 0 or > 100)
        {
            errors.Add(new ApiError("$.name", "give the token a name of 1–100 characters"));
        }

        if (request.Days is not (>= 1 and <= ApiTokenIssuer.MaxDays))
        {
            errors.Add(new ApiError("$.days", $"a token is valid 1–{ApiTokenIssuer.MaxDays} days"));
        }

        if (ApiTokenScopes.Normalize(request.Scopes) is null)
        {
            errors.Add(new ApiError("$.scopes", $"the scopes are {string.Join(", ", ApiTokenScopes.All)}"));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid("The token cannot be made as asked.", errors).ToResult();
        }

        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Unauthorized();
        }

        var (token, secret) = await issuer.CreateAsync(user.Id, request.Name!, request.Days!.Value, request.Scopes, ct);
        await audit.RecordAsync(http, AuditActions.TokenCreated, target: token.Id.ToString(), detail: $"'{token.Name}', {string.Join(" ", token.Scopes)}, until {token.ExpiresAt}");
        return Results.Created($"/api/tokens/{token.Id}", new CreatedTokenResponse(TokenResponse.From(token), secret));
    }

    private static async Task<IResult> RevokeAsync(Guid id, UserManager<BusFlowUser> users, ApiTokenIssuer issuer, AuditTrail audit, HttpContext http, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null || await issuer.RevokeAsync(user.Id, id, ct) is not { } token)
        {
            return ApiProblems.NotFound($"You have no token {id}.").ToResult();
        }

        await audit.RecordAsync(http, AuditActions.TokenRevoked, target: token.Id.ToString(), detail: $"'{token.Name}'");
        return Results.Ok(TokenResponse.From(token));
    }
}
