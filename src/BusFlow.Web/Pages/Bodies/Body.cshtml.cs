using BusFlow.Bus.Bodies;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>A collaboration body: who is in it on a day (today, or ?dag=2027-01-01) and, when its convener rotates, who convenes in the coming years.</summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class BodyModel(BodyDirectory bodies, IWorkflowStore store, AccountScopes scopes) : PageModel
{
    public BodyView View { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> BoardNames { get; private set; } = new Dictionary<string, string>();

    public string Day => LocalDatePattern.Iso.Format(View.On);

    public async Task<IActionResult> OnGetAsync(string id, string? dag)
    {
        var ct = HttpContext.RequestAborted;
        LocalDate? on = dag is not null && LocalDatePattern.Iso.Parse(dag) is { Success: true } parsed ? parsed.Value : null;
        var scope = await scopes.ForAsync(User, ct);
        if (await bodies.FindAsync(id, on, ct) is not { } view || !scope.SeesOrganization(view.Body.OrganizationId))
        {
            return NotFound();
        }

        View = view;
        await using var session = await store.BeginAsync(ct);
        BoardNames = (await session.Facet<IBusRecords>().ListBoardsAsync(ct)).ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        return Page();
    }

    public string BoardsOf(IReadOnlyList<string> boardIds) => string.Join(", ", boardIds.Select(b => BoardNames.GetValueOrDefault(b, b)));
}
