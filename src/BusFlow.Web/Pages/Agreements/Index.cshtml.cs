using BusFlow.Bus.Model;
using BusFlow.Web.Accounts;
using BusFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Agreements;

/// <summary>The collaboration agreements a person may see, each with a link to its cycles.</summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class AgreementsModel(VisibleAgreements visible, SignInSettings settings) : PageModel
{
    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    /// <summary>Administrators enter agreements: an agreement spans organizations.</summary>
    public bool MayCreate => BusFlowPolicies.ActsAsAdministrator(User, settings) && BusFlowPolicies.MayWrite(User);

    public async Task OnGetAsync() => Agreements = await visible.ListAsync(User, HttpContext.RequestAborted);
}
