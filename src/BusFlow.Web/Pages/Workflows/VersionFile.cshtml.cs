using System.Text;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Workflows;

/// <summary>A published version's JSON, exactly as stored, as {id}.json: the file to put in the workflows folder.</summary>
[Authorize(Policy = BusFlowPolicies.Administrator)]
public sealed class VersionFileModel(IWorkflowStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, int version)
    {
        var ct = HttpContext.RequestAborted;
        await using var session = await store.BeginAsync(ct);
        return await session.FindDefinitionAsync(id, version, ct) is { } published
            ? File(Encoding.UTF8.GetBytes(published.Json), "application/json", $"{published.DefinitionId}.json")
            : NotFound();
    }
}
