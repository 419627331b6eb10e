namespace BusFlow.Host.Simulation;

/// <summary>One reminder timer of a task: its kind (beforeDue, onDue, overdue, escalation), its number within its kind, and its local due time.</summary>
public sealed record TimelineReminder(string Kind, int Number, string Due);
