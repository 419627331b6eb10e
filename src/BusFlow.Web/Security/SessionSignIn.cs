using System.Security.Claims;
using BusFlow.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace BusFlow.Web.Security;

/// <summary>Starts a session: with the time of sign-in (for the absolute expiry), how it was made, and "mfa" after a second factor.</summary>
public static class SessionSignIn
{
    public static Task CompleteAsync(SignInManager<BusFlowUser> signIn, BusFlowUser user, string method, bool secondFactor)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var now = signIn.Context.RequestServices.GetRequiredService<IClock>().GetCurrentInstant().ToDateTimeOffset();
        var claims = new List<Claim> { SessionCookies.SignedInNow(now), new(BusFlowClaims.Method, method) };
        if (secondFactor)
        {
            claims.Add(new Claim(BusFlowClaims.AuthenticationMethod, "mfa"));
        }

        return signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }

    /// <summary>
    /// Re-issues this session after the account's security stamp changed (a new password), so the other
    /// sessions end and this one goes on, with the time, method and second factor it was signed in with:
    /// Identity's RefreshSignInAsync keeps only the second factor, and without the time of sign-in the
    /// absolute expiry would end this session too.
    /// </summary>
    public static Task RenewAsync(SignInManager<BusFlowUser> signIn, BusFlowUser user, ClaimsPrincipal current)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(current);
        var kept = SessionCookies.SignInClaimTypes
            .Select(current.FindFirst).OfType<Claim>().Select(claim => new Claim(claim.Type, claim.Value)).ToList();
        return signIn.SignInWithClaimsAsync(user, isPersistent: false, kept);
    }

    /// <summary>The password was right: remember who is signing in (a short-lived cookie) until the TOTP code comes.</summary>
    public static Task BeginTwoFactorAsync(HttpContext http, BusFlowUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        var now = http.RequestServices.GetRequiredService<IClock>().GetCurrentInstant().ToDateTimeOffset();
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { ExpiresUtc = now.AddMinutes(5) });
    }
}
