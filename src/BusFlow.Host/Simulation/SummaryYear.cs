namespace BusFlow.Host.Simulation;

/// <summary>One year of a simulation's summary: each board's decisions and escalations, and what lapsed.</summary>
public sealed record SummaryYear(int Year, IReadOnlyList<SummaryBoard> Boards, IReadOnlyList<SummaryLapse> Lapsed);
