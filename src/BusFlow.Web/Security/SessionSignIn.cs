using System.Security.Claims;
using BusFlow.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace BusFlow.Web.Security;

/// <summary>Starts a session: with the time of sign-in (for the absolute expiry), how it was made, and "mfa" after a second factor.</summary>
public static class SessionSignIn
{
    public static Task CompleteAsync(SignInManager<BusFlowUser> signIn, BusFlowUser user, string method, bool secondFactor)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        var claims = new List<Claim> { SessionCookies.SignedInNow(DateTimeOffset.UtcNow), new(BusFlowClaims.Method, method) };
        if (secondFactor)
        {
            claims.Add(new Claim(BusFlowClaims.AuthenticationMethod, "mfa"));
        }

        return signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }

    /// <summary>The password was right: remember who is signing in (a short-lived cookie) until the TOTP code comes.</summary>
    public static Task BeginTwoFactorAsync(HttpContext http, BusFlowUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(5) });
    }
}
