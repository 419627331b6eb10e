namespace BusFlow.Bus.Shortcomings;

/// <summary>A field of a report that cannot be taken as given: whatHappened, occurredOn, concerns, severity or contact.</summary>
public sealed record ShortcomingFieldError(string Field, ShortcomingProblem Problem);
