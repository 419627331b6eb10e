namespace BusFlow.Web.Wheel;

/// <summary>The paper the wheel is printed on, in landscape.</summary>
public enum WheelPaper
{
    A4,
    A3,
}
