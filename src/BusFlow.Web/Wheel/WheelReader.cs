using System.Globalization;
using System.Security.Claims;
using BusFlow.Bus.Wheel;
using BusFlow.Engine.Time;
using BusFlow.Web.Accounts;
using NodaTime;

namespace BusFlow.Web.Wheel;

/// <summary>
/// Reads the wheel a page or a download asks for: of an agreement the reader sees (as its page decides),
/// for the year in <c>ar</c> (the current year in Stockholm when none is given) on the paper in <c>papper</c>.
/// </summary>
public sealed class WheelReader(VisibleAgreements visible, YearWheelBuilder builder, IClock clock, EngineOptions engine)
{
    public const string YearField = "ar";
    public const string PaperField = "papper";

    public async Task<WheelRequest> ReadAsync(ClaimsPrincipal user, string id, string? year, string? paper, CancellationToken ct)
    {
        var thisYear = clock.GetCurrentInstant().InZone(engine.TimeZone).Year;
        var asked = string.IsNullOrWhiteSpace(year) ? thisYear
            : int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && YearWheelBuilder.IsYear(parsed) ? parsed : (int?)null;
        var sheet = paper?.Trim().ToUpperInvariant() switch
        {
            null or "" or "A4" => WheelPaper.A4,
            "A3" => WheelPaper.A3,
            _ => (WheelPaper?)null,
        };
        if (!await visible.SeesAsync(user, id, ct))
        {
            return new WheelRequest(null, thisYear, WheelPaper.A4, null);
        }

        if (asked is null)
        {
            return new WheelRequest(null, thisYear, sheet ?? WheelPaper.A4,
                string.Format(CultureInfo.CurrentCulture, Resources.Strings.Wheel_BadYear, YearWheelBuilder.FirstYear, YearWheelBuilder.LastYear));
        }

        if (sheet is null)
        {
            return new WheelRequest(null, asked.Value, WheelPaper.A4, Resources.Strings.Wheel_BadPaper);
        }

        return new WheelRequest(await builder.BuildAsync(id, asked.Value, ct), asked.Value, sheet.Value, null);
    }
}
