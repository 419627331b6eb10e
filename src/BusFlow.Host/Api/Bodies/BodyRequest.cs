using BusFlow.Bus.Bodies;
using BusFlow.Bus.Model;

namespace BusFlow.Host.Api.Bodies;

/// <summary>A body as sent to POST /api/bodies and PUT /api/bodies/{id}: rotationOrder is its slots in order (a slot's boards convene together) from rotationStartYear.</summary>
public sealed record BodyRequest(
    string? Name,
    BodyKind? Kind,
    string? OrganizationId,
    string? AgreementId,
    IReadOnlyList<IReadOnlyList<string?>>? RotationOrder,
    int? RotationStartYear)
{
    public BodyDraft ToDraft() => new(Name, Kind, OrganizationId, AgreementId, RotationOrder, RotationStartYear);
}
