using BusFlow.Accounts;
using BusFlow.Accounts.Audit;
using BusFlow.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Account;

/// <summary>Signing out is a POST (with the form's antiforgery token), so no link or image can sign a person out.</summary>
public sealed class SignOutModel(SignInManager<BusFlowUser> signIn, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/konto");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(HttpContext, AuditActions.SignedOut);
        await signIn.SignOutAsync();
        return Redirect("/konto/logga-in");
    }
}
