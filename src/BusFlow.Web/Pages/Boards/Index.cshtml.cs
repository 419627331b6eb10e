using BusFlow.Bus.Boards;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Boards;

/// <summary>The boards of the collaboration, each with a link to its meeting plan; administrators add boards here.</summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class BoardsModel(IWorkflowStore store, BoardRegistry registry, OrganizationRegistry organizations, AccountScopes scopes, SignInSettings settings) : PageModel
{
    public IReadOnlyList<Board> Boards { get; private set; } = [];

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public bool MayCreate => BusFlowPolicies.ActsAsAdministrator(User, settings) && BusFlowPolicies.MayWrite(User);

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public BoardDraft Draft { get; private set; } = new(null, null, null, 5, false);

    public string? Notice { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostOrganizationAsync(string? name, OrganizationKind? kind)
    {
        if (!MayCreate)
        {
            return Forbid();
        }

        var (organization, errors) = await organizations.CreateAsync(new OrganizationDraft(name, kind), HttpContext.RequestAborted);
        await LoadAsync();
        if (organization is null)
        {
            Errors = [.. errors.Select(BoardText.Of)];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Draft = Draft with { OrganizationId = organization.Id };
        Notice = string.Format(System.Globalization.CultureInfo.CurrentCulture, Resources.Strings.Organizations_Created, organization.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? organizationId, string? code, string? name, int? noticeDays, bool noticeInWorkingDays)
    {
        if (!MayCreate)
        {
            return Forbid();
        }

        Draft = new BoardDraft(organizationId, code, name, noticeDays, noticeInWorkingDays);
        var saved = await registry.CreateAsync(Draft, HttpContext.RequestAborted);
        if (saved.Board is { } board)
        {
            return Redirect($"/namnder/{Uri.EscapeDataString(board.Id)}?ny=1");
        }

        await LoadAsync();
        Errors = [.. saved.Errors.Select(BoardText.Of)];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The boards and organizations the person may see: all of them, or a secretary's own organizations'.</summary>
    private async Task LoadAsync()
    {
        // The scope reads the directory in a session of its own: before this one, which on SQLite holds the write lock.
        var scope = await scopes.ForAsync(User, HttpContext.RequestAborted);
        await using var session = await store.BeginAsync(HttpContext.RequestAborted);
        var records = session.Facet<IBusRecords>();
        Boards = [.. (await records.ListBoardsAsync(HttpContext.RequestAborted)).Where(b => scope.SeesOrganization(b.OrganizationId)).OrderBy(b => b.Name, StringComparer.CurrentCulture)];
        Organizations = [.. (await records.ListOrganizationsAsync(HttpContext.RequestAborted)).Where(o => scope.SeesOrganization(o.Id))];
    }
}
