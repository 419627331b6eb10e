using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Account;

public sealed class AccountModel(SignInManager<BusFlowUser> signIn, UserManager<BusFlowUser> users, AuditTrail audit) : PageModel
{
    public string Email { get; private set; } = "";
    public bool TwoFactor { get; private set; }
    public bool HasPassword { get; private set; }
    public string? Notice { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? Show(user) : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? next)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var changed = await users.ChangePasswordAsync(user, current ?? "", next ?? "");
        if (!changed.Succeeded)
        {
            Errors = [.. changed.Errors.Select(e => e.Description)];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Show(user);
        }

        await audit.RecordAsync(HttpContext, AuditActions.PasswordChanged, target: user.Email);
        // The new security stamp ends the other sessions; this one is renewed with the claims it had.
        await SessionSignIn.RenewAsync(signIn, user, User);
        Notice = Strings.Account_PasswordChanged;
        return Show(user);
    }

    public async Task<IActionResult> OnPostEverywhereAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(HttpContext, AuditActions.SignedOutEverywhere, target: user.Email);
        await signIn.SignOutAsync();
        return Redirect("/konto/logga-in");
    }

    private PageResult Show(BusFlowUser user)
    {
        Email = user.Email ?? "";
        TwoFactor = user.TwoFactorEnabled;
        HasPassword = user.PasswordHash is not null;
        return Page();
    }
}
