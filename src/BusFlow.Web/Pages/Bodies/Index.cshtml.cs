using BusFlow.Bus.Bodies;
using BusFlow.Bus.Model;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Bodies;

/// <summary>The collaboration bodies a person may see: steering, management and working groups, presidium meetings.</summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class BodiesModel(BodyDirectory bodies, AccountScopes scopes) : PageModel
{
    public IReadOnlyList<CollaborationBody> Bodies { get; private set; } = [];

    /// <summary>An administrator enters new bodies.</summary>
    public bool MayCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = await scopes.ForAsync(User, HttpContext.RequestAborted);
        MayCreate = scope.IsAdministrator && BusFlowPolicies.MayWrite(User);
        Bodies = [.. (await bodies.ListAsync(HttpContext.RequestAborted)).Where(b => scope.SeesOrganization(b.OrganizationId))];
    }
}
