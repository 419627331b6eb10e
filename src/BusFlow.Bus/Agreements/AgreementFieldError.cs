namespace BusFlow.Bus.Agreements;

/// <summary>
/// A field of an agreement that cannot be saved as given, named as in the draft: "title", "validUntil",
/// "parties", "parties[1].boardId", "recipients[0]", or a revision's "date" and "note".
/// </summary>
public sealed record AgreementFieldError(string Field, AgreementProblem Problem);
