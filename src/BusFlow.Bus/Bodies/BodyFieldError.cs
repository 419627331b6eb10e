namespace BusFlow.Bus.Bodies;

/// <summary>A field of a body that cannot be saved as given: name, kind, organizationId, agreementId, rotationOrder[1][0] or rotationStartYear.</summary>
public sealed record BodyFieldError(string Field, BodyProblem Problem);
