using BusFlow.Bus.Bodies;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>A body's particulars and convener rotation changed by an administrator; the body's page shows the new rotation at once.</summary>
[Authorize(Policy = BusFlowPolicies.AdministratorWriter)]
public sealed class EditBodyModel(BodyRegistry registry, IWorkflowStore store, BodyFormSubmit submit) : PageModel
{
    public string Id { get; private set; } = "";

    public string Name { get; private set; } = "";

    public BodyFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await FindAsync(id) is not { } body)
        {
            return NotFound();
        }

        View = await BodyFormView.LoadAsync(store, BodyForm.Of(body), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await FindAsync(id) is null)
        {
            return NotFound();
        }

        var form = BodyForm.Read(Request.Form);
        var (savedPage, again) = await submit.SendAsync(HttpContext, form, draft => registry.UpdateAsync(id, draft, HttpContext.RequestAborted), "changed", "andrad");
        if (savedPage is not null)
        {
            return Redirect(savedPage);
        }

        View = again!;
        return Page();
    }

    private async Task<CollaborationBody?> FindAsync(string id)
    {
        await using var session = await store.BeginAsync(HttpContext.RequestAborted);
        var body = await session.Facet<IBusRecords>().FindBodyAsync(id, HttpContext.RequestAborted);
        Id = body?.Id ?? id;
        Name = body?.Name ?? id;
        return body;
    }
}
