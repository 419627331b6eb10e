using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BusFlow.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(SignInManager<BusFlowUser> signIn, UserManager<BusFlowUser> users, SignInSettings settings, AuditTrail audit) : PageModel
{
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string Email { get; private set; } = "";

    public string ReturnUrl { get; private set; } = "/";

    public bool LocalAccounts => settings.LocalAccounts;

    public string? ExternalName => settings.Oidc.IsConfigured ? settings.Oidc.DisplayName : null;

    public void OnGet(string? returnUrl) => ReturnUrl = LocalUrl.OrHome(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = LocalUrl.OrHome(returnUrl);
        Email = email?.Trim() ?? "";
        if (!settings.LocalAccounts)
        {
            return Page();
        }

        var user = Email.Length > 0 ? await users.FindByEmailAsync(Email) : null;
        if (user is null || string.IsNullOrEmpty(password))
        {
            // As long as checking a password, so the time of the answer does not tell which addresses have an account.
            users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash, password ?? "");
            return await RefuseAsync(Strings.SignIn_Failed, "unknown account");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(HttpContext, AuditActions.LockedOut, target: user.Email, actor: user.Email);
            Errors = [Strings.SignIn_LockedOut];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (!result.Succeeded)
        {
            return await RefuseAsync(Strings.SignIn_Failed, "wrong password");
        }

        // Only after the right password: otherwise anyone could learn which addresses have a disabled account.
        if (user.IsDisabled)
        {
            return await RefuseAsync(Strings.SignIn_Disabled, "disabled account");
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            await SessionSignIn.BeginTwoFactorAsync(HttpContext, user);
            return Redirect("/konto/tvafaktor?returnUrl=" + Uri.EscapeDataString(ReturnUrl));
        }

        await SessionSignIn.CompleteAsync(signIn, user, "password", secondFactor: false);
        await audit.RecordAsync(HttpContext, AuditActions.SignedIn, target: user.Email, detail: "password", actor: user.Email);
        var mustEnroll = settings.RequireTwoFactorForAdministrators && await users.IsInRoleAsync(user, AccountRoles.Administrator);
        return Redirect(mustEnroll ? "/konto/tvafaktor/aktivera?returnUrl=" + Uri.EscapeDataString(ReturnUrl) : ReturnUrl);
    }

    private static readonly BusFlowUser Nobody = new() { Id = "nobody" };

    private static readonly string NobodysHash = new PasswordHasher<BusFlowUser>().HashPassword(Nobody, Guid.NewGuid().ToString());

    private async Task<IActionResult> RefuseAsync(string message, string why)
    {
        await audit.RecordAsync(HttpContext, AuditActions.SignInFailed, target: Email, detail: why, actor: Email.Length > 0 ? Email : "anonymous");
        Errors = [message];
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
