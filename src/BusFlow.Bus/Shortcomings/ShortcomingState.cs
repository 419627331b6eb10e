namespace BusFlow.Bus.Shortcomings;

/// <summary>How far a reported shortcoming has come: reported, assessed, remedied, closed.</summary>
public enum ShortcomingState
{
    Reported,
    Assessed,
    Remedied,
    Closed,
}
