namespace BusFlow.Bus.Rotation;

/// <summary>The board(s) that convene a body in one year.</summary>
public sealed record ConvenerTurn(int Year, IReadOnlyList<string> BoardIds);
