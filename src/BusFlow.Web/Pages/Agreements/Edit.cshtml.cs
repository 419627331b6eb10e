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

/// <summary>
/// An administrator changes an agreement: title, period, status, body, cycle, parties and recipients. The
/// status the decision round set (in decision, signed …) stays unless it is set back to a draft or to active.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class EditAgreementModel(IWorkflowStore store, AgreementRegistry registry, AuditTrail audit) : PageModel
{
    public string Id { get; private set; } = "";

    public string Title { get; private set; } = "";

    public AgreementForm Form { get; private set; } = new();

    public AgreementChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindAgreementAsync(id, ct) is not { } agreement)
        {
            return NotFound();
        }

        (Id, Title) = (agreement.Id, agreement.Title);
        Form = AgreementForm.Of(agreement, await records.ListPartiesAsync(id, ct));
        Choices = await AgreementChoices.ReadAsync(records, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!BusFlowPolicies.MayWrite(User))
        {
            return Forbid();
        }

        Form = AgreementForm.Read(Request.Form);
        var saved = await registry.UpdateAsync(id, Form.ToDraft(), HttpContext.RequestAborted);
        if (!saved.Found)
        {
            return NotFound();
        }

        if (saved.Agreement is not null)
        {
            await audit.RecordAsync(HttpContext, AuditActions.Change, target: $"agreement:{id}", detail: "agreement changed");
            return Redirect($"/overenskommelser/{Uri.EscapeDataString(id)}?andrad=1");
        }

        (Id, Title) = (id, Form.Title);
        Choices = await AgreementPages.ChoicesAsync(store, HttpContext.RequestAborted);
        Form = Form.WithErrors(saved.Errors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
