namespace BusFlow.Web.Pages.Instances;

/// <summary>One line of an instance's timeline: when (local time), who, what happened, in which step, and the instance it started if any.</summary>
public sealed record TimelineLine(string At, string Actor, string What, string? ActivityId, Guid? LinkedInstance);
