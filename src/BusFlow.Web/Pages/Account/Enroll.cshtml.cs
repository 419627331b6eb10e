using System.Globalization;
using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QRCoder;

namespace BusFlow.Web.Pages.Account;

/// <summary>Turns on the TOTP second factor: the key as a QR code (SVG, no script) and as text, then one code to prove it.</summary>
public sealed class EnrollModel(SignInManager<BusFlowUser> signIn, UserManager<BusFlowUser> users, SignInSettings settings, AuditTrail audit, IClock clock) : PageModel
{
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string Key { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public bool Required { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = LocalUrl.OrHome(returnUrl);
        return await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        ReturnUrl = LocalUrl.OrHome(returnUrl);
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await TotpCodes.VerifyOnceAsync(users, user, code, clock.GetCurrentInstant()))
        {
            Errors = [Strings.TwoFactor_Wrong];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(HttpContext, AuditActions.TwoFactorEnabled, target: user.Email);
        // The code just typed is the second factor of this session.
        await SessionSignIn.CompleteAsync(signIn, user, "totp", secondFactor: true);
        return Redirect(ReturnUrl);
    }

    private async Task<IActionResult> ShowAsync(BusFlowUser user)
    {
        Required = settings.RequireTwoFactorForAdministrators && await users.IsInRoleAsync(user, AccountRoles.Administrator) && !user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));
        var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString("BusFlow"), Uri.EscapeDataString(user.Email ?? user.Id), key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
        return Page();
    }
}
