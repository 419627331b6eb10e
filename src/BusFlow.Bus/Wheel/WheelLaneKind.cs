namespace BusFlow.Bus.Wheel;

public enum WheelLaneKind
{
    Collaboration,
    Board,
    DeadlinesAndRounds,
}
