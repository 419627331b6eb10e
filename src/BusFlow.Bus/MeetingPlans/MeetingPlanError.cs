namespace BusFlow.Bus.MeetingPlans;

/// <summary>
/// What is wrong where. Line and Column are 1-based (Line as in <see cref="PlannedMeeting.Line"/>);
/// both are 0 when the problem is the whole file. Value is the cell as written, trimmed.
/// </summary>
public sealed record MeetingPlanError(int Line, int Column, MeetingPlanProblem Problem, string Value);
