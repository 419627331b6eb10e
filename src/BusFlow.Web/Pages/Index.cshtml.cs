using System.Security.Claims;
using BusFlow.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages;

public sealed class IndexModel : PageModel
{
    public string Name { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public void OnGet()
    {
        Name = User.FindFirstValue("name") ?? User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        Roles = [.. AccountRoles.All.Where(User.IsInRole)];
    }
}
