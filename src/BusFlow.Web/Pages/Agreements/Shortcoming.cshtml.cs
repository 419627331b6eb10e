using System.Security.Claims;
using BusFlow.Accounts.Audit;
using BusFlow.Bus.Shortcomings;
using BusFlow.Web.Accounts;
using BusFlow.Web.Pages.People;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>
/// Anyone signed in who sees an agreement reports a shortcoming in its collaboration: what happened,
/// when, which party (optional), how serious, and how to reach them. The report starts the
/// shortcoming workflow; the reporter is told by mail at their account's address.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class ShortcomingModel(VisibleAgreements visible, ShortcomingRegistry registry, AuditTrail audit) : PageModel
{
    public ShortcomingForm Form { get; private set; } = null!;

    public ShortcomingDraft Given { get; private set; } = new(null, null, null, null, null);

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    /// <summary>Where the reporter is told: the account's address.</summary>
    public string Reporter => User.FindFirstValue(ClaimTypes.Email) ?? "";

    public async Task<IActionResult> OnGetAsync(string id) =>
        await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!BusFlowPolicies.MayWrite(User) || Reporter.Length == 0)
        {
            return Forbid();
        }

        var form = Request.Form;
        Given = new ShortcomingDraft(form["whatHappened"], form["occurredOn"], form["concerns"], form["severity"], form["contact"]);
        var reported = await registry.ReportAsync(id, Given, Reporter, AuditTrail.ActorOf(User), HttpContext.RequestAborted);
        if (reported.InstanceId is not { } instance)
        {
            Errors = ShortcomingText.ErrorsOf(reported.Errors);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"agreement:{id}", detail: $"shortcoming reported ({instance})");
        return Redirect($"/overenskommelser/{Uri.EscapeDataString(id)}?avvikelse=1#shortcomings-heading");
    }

    private async Task<bool> LoadAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        if (!await visible.SeesAsync(User, id, ct) || await registry.FormAsync(id, ct) is not { } form)
        {
            return false;
        }

        Form = form;
        return true;
    }
}
