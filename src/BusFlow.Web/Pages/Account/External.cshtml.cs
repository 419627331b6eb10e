using System.Security.Claims;
using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Web.Accounts;
using BusFlow.Web.Resources;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Account;

/// <summary>
/// Sign-in through OpenID Connect: GET /konto/extern goes to the provider; it comes back (through
/// /signin-oidc) to /konto/extern/klar, where the account linked to the provider's subject is found (or
/// the account of its e-mail address, linked when the provider vouches for the address, or a new one),
/// and its roles are set from the configured mapping of the provider's groups: none mapped, none kept.
/// </summary>
public sealed class ExternalModel(
    SignInManager<BusFlowUser> signIn, AccountAdministration accounts, UserManager<BusFlowUser> users, SignInSettings settings, AuditTrail audit) : PageModel
{
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IActionResult OnGet(string? returnUrl)
    {
        if (!settings.Oidc.IsConfigured)
        {
            return NotFound();
        }

        var properties = new AuthenticationProperties { RedirectUri = "/konto/extern/klar?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(returnUrl)) };
        return Challenge(properties, OidcSettings.Scheme);
    }

    public async Task<IActionResult> OnGetKlarAsync(string? returnUrl)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is not { } principal)
        {
            return Refuse(string.Format(Strings.SignIn_ExternalFailed, settings.Oidc.DisplayName, external.Failure?.Message ?? "—"));
        }

        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email);
        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var roles = principal.FindAll(settings.Oidc.RoleClaim)
            .Select(c => settings.Oidc.Roles.TryGetValue(c.Value, out var role) ? AccountRoles.Normalize(role) : null)
            .OfType<string>().Distinct().ToList();
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(subject))
        {
            return await RefuseAsync(email, "OpenID Connect: no e-mail address or no subject", Strings.SignIn_NoAccount);
        }

        var user = await users.FindByLoginAsync(OidcSettings.Scheme, subject);
        if (user is null && await users.FindByEmailAsync(email) is { } sameAddress)
        {
            // The provider's person is linked to an existing account only when the provider vouches for the
            // address; otherwise whoever could choose that address at the provider would take the account over.
            if (!VouchesFor(principal) || (await users.GetLoginsAsync(sameAddress)).Any(l => l.LoginProvider == OidcSettings.Scheme))
            {
                return await RefuseAsync(email, "OpenID Connect: an account with this address exists and the provider does not vouch for the address",
                    string.Format(Strings.SignIn_ExternalAccountExists, email, settings.Oidc.DisplayName));
            }

            await users.AddLoginAsync(sameAddress, new UserLoginInfo(OidcSettings.Scheme, subject, settings.Oidc.DisplayName));
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: email, detail: "account linked to its OpenID Connect identity", actor: email);
            user = sameAddress;
        }

        if (roles.Count == 0)
        {
            if (user is not null && await users.GetRolesAsync(user) is { Count: > 0 } held)
            {
                await accounts.SetRolesAsync(user, []);
                await audit.RecordAsync(HttpContext, AuditActions.RoleRevoked, target: email, detail: $"no longer in a mapped group of the provider (was {string.Join(", ", held)})", actor: email);
            }

            return await RefuseAsync(email, "OpenID Connect: no e-mail or no mapped group", Strings.SignIn_NoAccount);
        }

        if (user is null)
        {
            var errors = await accounts.AddExternalAsync(email, principal.FindFirstValue("name"));
            if (errors.Count > 0)
            {
                return Refuse(string.Join(" ", errors));
            }

            user = (await users.FindByEmailAsync(email))!;
            await users.AddLoginAsync(user, new UserLoginInfo(OidcSettings.Scheme, subject, settings.Oidc.DisplayName));
            await audit.RecordAsync(HttpContext, AuditActions.AccountCreated, target: email, detail: "by OpenID Connect sign-in", actor: email);
        }

        if (user.IsDisabled)
        {
            return Refuse(Strings.SignIn_Disabled);
        }

        var before = await users.GetRolesAsync(user);
        await accounts.SetRolesAsync(user, roles);
        foreach (var granted in roles.Except(before))
        {
            await audit.RecordAsync(HttpContext, AuditActions.RoleGranted, target: email, detail: $"{granted}, from the provider's groups", actor: email);
        }

        foreach (var revoked in before.Except(roles))
        {
            await audit.RecordAsync(HttpContext, AuditActions.RoleRevoked, target: email, detail: $"{revoked}, no longer in the provider's groups", actor: email);
        }

        await SessionSignIn.CompleteAsync(signIn, user, "oidc", secondFactor: false);
        await audit.RecordAsync(HttpContext, AuditActions.SignedIn, target: email, detail: "OpenID Connect", actor: email);
        return Redirect(LocalUrl.OrHome(returnUrl));
    }

    private bool VouchesFor(ClaimsPrincipal principal) =>
        settings.Oidc.TrustEmailAddresses || string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);

    private async Task<PageResult> RefuseAsync(string? email, string why, string message)
    {
        await audit.RecordAsync(HttpContext, AuditActions.SignInFailed, target: email, detail: why, actor: email ?? "anonymous");
        return Refuse(message);
    }

    private PageResult Refuse(string message)
    {
        Errors = [message];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
