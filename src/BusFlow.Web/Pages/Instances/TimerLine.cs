using BusFlow.Engine.Persistence;

namespace BusFlow.Web.Pages.Instances;

/// <summary>One timer as a page shows it: when it is due (local time), what it does, its state, whether it is late, and its instance.</summary>
public sealed record TimerLine(string Due, string What, string State, bool IsLate, WorkflowInstance? Instance, string? InstanceName);
