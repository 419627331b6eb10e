using System.Security.Claims;
using System.Text.Encodings.Web;
using BusFlow.Accounts;
using BusFlow.Accounts.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BusFlow.Web.Security;

/// <summary>
/// Signs in a machine client by its personal API token (<c>Authorization: Bearer bft_…</c>): the token's
/// account with its roles, narrowed to the token's scopes. An unknown, expired or revoked token, or one
/// of a disabled account, signs in nobody.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiTokenStore tokens,
    UserManager<BusFlowUser> users,
    IUserClaimsPrincipalFactory<BusFlowUser> principals,
    IClock clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>How often the time a token was last used is written: not on every request.</summary>
    private static readonly Duration UseRecordInterval = Duration.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerOf(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var now = clock.GetCurrentInstant();
        var token = await tokens.FindByHashAsync(Secrets.Hash(presented), Context.RequestAborted);
        if (token is null || !token.IsLive(now))
        {
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        }

        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("The API token's account is disabled.");
        }

        var principal = await principals.CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(BusFlowClaims.Method, "token"));
        identity.AddClaim(new Claim(BusFlowClaims.TokenId, token.Id.ToString()));
        identity.AddClaims(token.Scopes.Select(scope => new Claim(ApiTokenScopes.ClaimType, scope)));
        if (token.LastUsedAt is not { } used || now - used > UseRecordInterval)
        {
            await tokens.RecordUseAsync(token.Id, now, Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The token of an "Authorization: Bearer" header; null when the request has none.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 and <= 200 } token
            ? token
            : null;
    }
}
