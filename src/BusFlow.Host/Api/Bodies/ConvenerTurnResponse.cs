namespace BusFlow.Host.Api.Bodies;

/// <summary>The board(s) that convene a body in a year.</summary>
public sealed record ConvenerTurnResponse(int Year, IReadOnlyList<string> BoardIds);
