using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Tasks;

/// <summary>The open tasks of the signed-in person's address, and of the boards she is secretary of today.</summary>
public sealed class MineModel(IWorkflowStore store, AccountScopes scopes) : PageModel
{
    private const int MaxShown = 500;
    private AccountScope? _scope;

    public IReadOnlyList<HumanTask> Tasks { get; private set; } = [];

    public bool IsOwn(string assignee) => _scope?.IsOwnAddress(assignee) == true;

    public async Task OnGetAsync()
    {
        _scope = await scopes.ForAsync(User, HttpContext.RequestAborted);
        await using var session = await store.BeginAsync(HttpContext.RequestAborted);
        var own = _scope.Email is { } email
            ? await session.ListTasksAsync(new TaskQuery(email, HumanTaskStatus.Open, null, MaxShown), HttpContext.RequestAborted)
            : [];
        var boards = _scope.SecretaryOf.Count > 0
            ? (await session.ListTasksAsync(new TaskQuery(null, HumanTaskStatus.Open, null, MaxShown), HttpContext.RequestAborted))
                .Where(t => _scope.ActsForBoard(AccountScope.BoardOfRole(t.Role)))
            : [];
        Tasks = [.. own.Concat(boards).DistinctBy(t => t.Id).OrderBy(t => t.DueDate ?? NodaTime.LocalDate.MaxIsoValue).ThenBy(t => t.CreatedAt)];
    }
}
