namespace BusFlow.Bus.People;

/// <summary>A field of a person that cannot be saved as given: name, email or language.</summary>
public sealed record PersonFieldError(string Field, PersonProblem Problem);
