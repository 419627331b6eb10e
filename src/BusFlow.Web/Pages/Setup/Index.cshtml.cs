using BusFlow.Accounts.Audit;
using BusFlow.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BusFlow.Web.Pages.Setup;

/// <summary>The one-time setup link's page: creates the first administrator, then sends her to sign in and set up TOTP.</summary>
[EnableRateLimiting(Security.SignInRateLimit.Policy)]
public sealed class SetupModel(FirstAdministrator first, AuditTrail audit) : PageModel
{
    public bool Live { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string secret)
    {
        Live = await first.FindLiveAsync(secret, HttpContext.RequestAborted) is not null;
        return Live ? Page() : Gone();
    }

    public async Task<IActionResult> OnPostAsync(string secret, string? name, string? email, string? password)
    {
        if (await first.FindLiveAsync(secret, HttpContext.RequestAborted) is not { } link)
        {
            await audit.RecordAsync(HttpContext, AuditActions.SetupLinkRefused, detail: "unknown, used or expired setup link", actor: email ?? "anonymous");
            return Gone();
        }

        Live = true;
        Name = name?.Trim() ?? "";
        Email = email?.Trim() ?? "";
        var errors = Email.Length == 0 || password is null
            ? [Resources.Strings.SignIn_Failed]
            : await first.RedeemAsync(link, Email, Name, password, HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await audit.RecordAsync(HttpContext, AuditActions.AccountCreated, target: Email, detail: "first administrator, by the setup link", actor: Email);
        return Redirect("/konto/logga-in?setup=1");
    }

    private PageResult Gone()
    {
        Live = false;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
