using System.Text;
using BusFlow.Web.Security;
using BusFlow.Web.Wheel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusFlow.Web.Pages.Wheel;

/// <summary>An agreement's annual wheel for a year as a file to download: SVG, or PDF on A4 or A3 (<c>papper=a3</c>).</summary>
[Authorize(Policy = BusFlowPolicies.Reader)]
public sealed class WheelFileModel(WheelReader reader) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, string format, string? ar, string? papper)
    {
        var asked = await reader.ReadAsync(User, id, ar, papper, HttpContext.RequestAborted);
        if (asked.NotFound)
        {
            return NotFound();
        }

        if (asked.Wheel is not { } wheel)
        {
            return new ContentResult { Content = asked.Error, ContentType = "text/plain; charset=utf-8", StatusCode = StatusCodes.Status400BadRequest };
        }

        var name = $"arshjul-{wheel.AgreementId}-{wheel.Year}";
        return format == "pdf"
            ? File(YearWheelPdf.Draw(wheel, asked.Paper), "application/pdf", $"{name}-{asked.Paper.ToString().ToLowerInvariant()}.pdf")
            : File(Encoding.UTF8.GetBytes(YearWheelSvg.Draw(wheel, standalone: true)), "image/svg+xml", $"{name}.svg");
    }
}
