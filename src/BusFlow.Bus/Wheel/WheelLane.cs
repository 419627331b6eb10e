namespace BusFlow.Bus.Wheel;

/// <summary>One ring of the wheel: the collaboration's, a party board's, or the deadlines and rounds.</summary>
/// <param name="Owner">The body's or board's id; empty for the deadlines and rounds.</param>
/// <param name="Name">The body's name or the board's code.</param>
public sealed record WheelLane(WheelLaneKind Kind, string Owner, string Name);
