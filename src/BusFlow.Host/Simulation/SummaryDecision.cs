namespace BusFlow.Host.Simulation;

/// <summary>A board's decision in the summary: on what, how, on which day ("2026-04-14") and under which paragraph of its minutes, if given.</summary>
public sealed record SummaryDecision(string Subject, string Outcome, string Date, string? Paragraph);
