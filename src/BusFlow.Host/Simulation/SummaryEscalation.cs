namespace BusFlow.Host.Simulation;

/// <summary>A task escalated in the summary: its title, whose it was, the day ("2026-04-22") and whom the escalation reached, by role.</summary>
public sealed record SummaryEscalation(string Task, string Assignee, string Date, IReadOnlyList<TimelineRecipient> EscalatedTo);
