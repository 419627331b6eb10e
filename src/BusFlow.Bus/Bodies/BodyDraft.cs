using BusFlow.Bus.Model;

namespace BusFlow.Bus.Bodies;

/// <summary>
/// A collaboration body's particulars as a person entered them, before they are checked. The rotation is
/// its slots in order, each with the board(s) that convene together, from <see cref="RotationStartYear"/>;
/// a body whose convener does not rotate has neither.
/// </summary>
public sealed record BodyDraft(
    string? Name,
    BodyKind? Kind,
    string? OrganizationId,
    string? AgreementId,
    IReadOnlyList<IReadOnlyList<string?>>? RotationOrder,
    int? RotationStartYear);
