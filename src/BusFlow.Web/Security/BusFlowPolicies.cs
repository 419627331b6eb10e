using System.Security.Claims;
using BusFlow.Accounts;
using BusFlow.Accounts.Tokens;
using Microsoft.AspNetCore.Authorization;

namespace BusFlow.Web.Security;

/// <summary>
/// The authorization policies endpoints declare. Every endpoint that declares none needs a signed-in
/// person (the fallback policy); the few open by design say so with AllowAnonymous.
/// </summary>
public static class BusFlowPolicies
{
    /// <summary>Administrators, signed in with a second factor where that is required.</summary>
    public const string Administrator = "Administrator";

    /// <summary>An administrator making a change: <see cref="Administrator"/>, with a token that may write.</summary>
    public const string AdministratorWriter = "AdministratorWriter";

    /// <summary>Administrators and viewers: reading everything.</summary>
    public const string Overseer = "Overseer";

    /// <summary>Any role: reading what the role lets one see (a secretary, her boards).</summary>
    public const string Reader = "Reader";

    /// <summary>Any signed-in person whose token, if any, may write; what they may change is checked per resource.</summary>
    public const string Writer = "Writer";

    public static void Add(AuthorizationBuilder authorization, SignInSettings settings)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Administrator, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => ActsAsAdministrator(context.User, settings)))
            .AddPolicy(AdministratorWriter, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => ActsAsAdministrator(context.User, settings) && MayWrite(context.User)))
            .AddPolicy(Overseer, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.IsInRole(AccountRoles.Viewer) || ActsAsAdministrator(context.User, settings)))
            .AddPolicy(Reader, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.IsInRole(AccountRoles.Viewer) || context.User.IsInRole(AccountRoles.Secretary)
                    || ActsAsAdministrator(context.User, settings)))
            .AddPolicy(Writer, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => MayWrite(context.User)));
    }

    public static bool ActsAsAdministrator(ClaimsPrincipal user, SignInSettings settings) =>
        user.IsInRole(AccountRoles.Administrator) && HasSecondFactorIfRequired(user, settings);

    /// <summary>A token signs in only with the scopes it was given; a session may do what its roles allow.</summary>
    public static bool MayWrite(ClaimsPrincipal user) =>
        user.FindFirstValue(BusFlowClaims.Method) != "token" || user.HasClaim(ApiTokenScopes.ClaimType, ApiTokenScopes.Write);

    /// <summary>
    /// A local administrator's session counts only after the second factor. A token was made by such a
    /// session, and an OpenID Connect provider answers for its own sign-in (and its own second factor).
    /// </summary>
    public static bool HasSecondFactorIfRequired(ClaimsPrincipal user, SignInSettings settings) =>
        !settings.RequireTwoFactorForAdministrators
        || user.FindFirstValue(BusFlowClaims.Method) is "token" or "oidc"
        || user.HasClaim(BusFlowClaims.AuthenticationMethod, "mfa");
}
