using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;

namespace BusFlow.Web.Pages.Account;

/// <summary>The second step of a sign-in: the TOTP code of the account whose password was right.</summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class TwoFactorModel(SignInManager<BusFlowUser> signIn, UserManager<BusFlowUser> users, AuditTrail audit, IClock clock) : PageModel
{
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = LocalUrl.OrHome(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            Errors = [Strings.TwoFactor_Expired];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = LocalUrl.OrHome(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user || user.IsDisabled)
        {
            return Expired();
        }

        if (await users.IsLockedOutAsync(user))
        {
            Errors = [Strings.SignIn_LockedOut];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!await TotpCodes.VerifyOnceAsync(users, user, code, clock.GetCurrentInstant()))
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync(HttpContext, AuditActions.SignInFailed, target: user.Email, detail: "wrong TOTP code", actor: user.Email);
            Errors = [Strings.TwoFactor_Wrong];
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SessionSignIn.CompleteAsync(signIn, user, "totp", secondFactor: true);
        await audit.RecordAsync(HttpContext, AuditActions.SignedIn, target: user.Email, detail: "password and TOTP", actor: user.Email);
        return Redirect(ReturnUrl);
    }

    private IActionResult Expired()
    {
        Errors = [Strings.TwoFactor_Expired];
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
