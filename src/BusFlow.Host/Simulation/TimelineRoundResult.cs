namespace BusFlow.Host.Simulation;

/// <summary>How a decision round ended: the boards that approved, that rejected, and that did not decide by its deadline.</summary>
public sealed record TimelineRoundResult(IReadOnlyList<string> ApprovedBy, IReadOnlyList<string> RejectedBy, IReadOnlyList<string> Undecided);
