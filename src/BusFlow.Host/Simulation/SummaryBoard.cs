namespace BusFlow.Host.Simulation;

/// <summary>One board's year in the summary: what it decided and whose tasks at it were escalated.</summary>
public sealed record SummaryBoard(string Board, IReadOnlyList<SummaryDecision> Decisions, IReadOnlyList<SummaryEscalation> Escalations);
