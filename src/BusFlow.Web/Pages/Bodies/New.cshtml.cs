using BusFlow.Bus.Bodies;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>A new collaboration body, entered by an administrator: its particulars and its convener rotation.</summary>
[Authorize(Policy = BusFlowPolicies.AdministratorWriter)]
public sealed class NewBodyModel(BodyRegistry registry, IWorkflowStore store, BodyFormSubmit submit) : PageModel
{
    public BodyFormView View { get; private set; } = null!;

    public async Task OnGetAsync() =>
        View = await BodyFormView.LoadAsync(store, new BodyForm(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var form = BodyForm.Read(Request.Form);
        var (savedPage, again) = await submit.SendAsync(HttpContext, form, draft => registry.CreateAsync(draft, HttpContext.RequestAborted), "created", "ny");
        if (savedPage is not null)
        {
            return Redirect(savedPage);
        }

        View = again!;
        return Page();
    }
}
