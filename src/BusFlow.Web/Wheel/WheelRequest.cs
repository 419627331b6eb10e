using BusFlow.Bus.Wheel;

namespace BusFlow.Web.Wheel;

/// <summary>
/// What a request for a wheel came to: the wheel, or the message naming the query field that was wrong,
/// or nothing at all when the reader may not see the agreement (or there is none).
/// </summary>
public sealed record WheelRequest(YearWheel? Wheel, int Year, WheelPaper Paper, string? Error)
{
    public bool NotFound => Wheel is null && Error is null;
}
