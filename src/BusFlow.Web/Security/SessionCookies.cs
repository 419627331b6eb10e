using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace BusFlow.Web.Security;

/// <summary>
/// The session cookie: HttpOnly, SameSite=Lax (the OpenID Connect callback is a cross-site POST-less
/// redirect), Secure whenever the request came over https; sliding idle expiry and an absolute one;
/// the API gets 401 and 403 instead of a redirect to the sign-in page.
/// </summary>
internal static class SessionCookies
{
    public const string SignInPath = "/konto/logga-in";
    public const string DeniedPath = "/konto/nekad";

    public static void Configure(CookieAuthenticationOptions options, SignInSettings settings)
    {
        options.Cookie.Name = "busflow-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = settings.IdleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = SignInPath;
        options.AccessDeniedPath = DeniedPath;
        options.ReturnUrlParameter = "returnUrl";

        var validateStamp = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (IsPastAbsoluteExpiry(context.Principal, settings, context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await validateStamp(context);
        };
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>How a session was signed in: when, by what method, and with a second factor. Kept whenever the session is re-issued.</summary>
    public static IReadOnlyList<string> SignInClaimTypes { get; } = [BusFlowClaims.SignedInAt, BusFlowClaims.Method, BusFlowClaims.AuthenticationMethod];

    /// <summary>The claims a refreshed principal (after the security stamp is checked) keeps from the old one.</summary>
    public static void KeepSignInClaims(SecurityStampRefreshingPrincipalContext context)
    {
        var identity = (ClaimsIdentity?)context.NewPrincipal?.Identity;
        if (identity is null || context.CurrentPrincipal is null)
        {
            return;
        }

        foreach (var type in SignInClaimTypes)
        {
            if (context.CurrentPrincipal.FindFirst(type) is { } claim && !identity.HasClaim(type, claim.Value))
            {
                identity.AddClaim(new Claim(type, claim.Value));
            }
        }
    }

    public static Claim SignedInNow(DateTimeOffset now) =>
        new(BusFlowClaims.SignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    private static bool IsPastAbsoluteExpiry(ClaimsPrincipal? principal, SignInSettings settings, DateTimeOffset now) =>
        principal?.FindFirstValue(BusFlowClaims.SignedInAt) is not { } text
        || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        || now > DateTimeOffset.FromUnixTimeSeconds(seconds) + settings.AbsoluteTimeout;

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (ApiRequests.IsApi(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
