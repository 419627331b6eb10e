using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Boards;

/// <summary>The boards of the collaboration, each with a link to its meeting plan.</summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class BoardsModel(IWorkflowStore store) : PageModel
{
    public IReadOnlyList<Board> Boards { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await using var session = await store.BeginAsync(HttpContext.RequestAborted);
        Boards = [.. (await session.Facet<IBusRecords>().ListBoardsAsync(HttpContext.RequestAborted)).OrderBy(b => b.Name, StringComparer.CurrentCulture)];
    }
}
