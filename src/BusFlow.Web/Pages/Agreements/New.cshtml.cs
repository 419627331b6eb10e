using BusFlow.Accounts.Audit;
using BusFlow.Bus.Agreements;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>An administrator enters a new agreement: its period, parties and recipients. An agreement spans organizations, so no secretary does.</summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class NewAgreementModel(IWorkflowStore store, AgreementRegistry registry, AuditTrail audit) : PageModel
{
    public AgreementForm Form { get; private set; } = new();

    public AgreementChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        Choices = await AgreementPages.ChoicesAsync(store, HttpContext.RequestAborted);
        Form = new AgreementForm { OrganizationId = Choices.Organizations.FirstOrDefault(o => o.Kind == OrganizationKind.Municipality)?.Id ?? "" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!BusFlowPolicies.MayWrite(User))
        {
            return Forbid();
        }

        Form = AgreementForm.Read(Request.Form);
        var saved = await registry.CreateAsync(Form.ToDraft(), HttpContext.RequestAborted);
        if (saved.Agreement is { } agreement)
        {
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"agreement:{agreement.Id}", detail: "agreement entered");
            return Redirect($"/overenskommelser/{Uri.EscapeDataString(agreement.Id)}?ny=1");
        }

        Choices = await AgreementPages.ChoicesAsync(store, HttpContext.RequestAborted);
        Form = Form.WithErrors(saved.Errors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
