namespace BusFlow.Host.Simulation;

/// <summary>
/// Something that lapsed, in the summary: an agreement that ended with no successor in force (kind
/// "agreement", subject its id, detail its status change) or a decision round that ended with boards
/// undecided (kind "round", subject the proposal, undecided the boards).
/// </summary>
public sealed record SummaryLapse(string Kind, string Subject, string Date, string? Detail, IReadOnlyList<string> Undecided);
