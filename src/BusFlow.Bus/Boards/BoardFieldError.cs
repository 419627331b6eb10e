namespace BusFlow.Bus.Boards;

/// <summary>A field of a board that cannot be saved as given: organizationId, code, name or noticeDays.</summary>
public sealed record BoardFieldError(string Field, BoardProblem Problem);
