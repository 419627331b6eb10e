using BusFlow.Web.Security;
using BusFlow.Web.Wheel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Wheel;

/// <summary>
/// An agreement's annual wheel for a year: the wheel drawn inline, the same entries as a table for
/// screen readers, the years before and after, the downloads, and print CSS for A4 or A3 landscape.
/// Whoever sees the agreement's page sees its wheel.
/// </summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class AnnualWheelModel(WheelReader reader) : PageModel
{
    public WheelRequest Asked { get; private set; } = null!;

    public string AgreementId { get; private set; } = "";

    /// <summary>The wheel as SVG, for the page to place inline.</summary>
    public string Svg { get; private set; } = "";

    public IReadOnlyList<string> Errors => Asked.Error is { } error ? [error] : [];

    public string PaperQuery => Asked.Paper == WheelPaper.A3 ? "&papper=a3" : "";

    public async Task<IActionResult> OnGetAsync(string id, string? ar, string? papper)
    {
        Asked = await reader.ReadAsync(User, id, ar, papper, HttpContext.RequestAborted);
        AgreementId = id;
        if (Asked.NotFound)
        {
            return NotFound();
        }

        if (Asked.Wheel is { } wheel)
        {
            Svg = YearWheelSvg.Draw(wheel, standalone: false);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
