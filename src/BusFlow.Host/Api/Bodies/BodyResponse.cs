using BusFlow.Bus.Bodies;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Host.Api.Bodies;

/// <summary>A collaboration body with its convener rotation (none: an empty order); with its members on a day and its conveners ahead when read one at a time.</summary>
public sealed record BodyResponse(
    string Id,
    string Name,
    BodyKind Kind,
    string? OrganizationId,
    string? AgreementId,
    IReadOnlyList<IReadOnlyList<string>> RotationOrder,
    int? RotationStartYear,
    LocalDate? On = null,
    IReadOnlyList<BodyMemberResponse>? Members = null,
    IReadOnlyList<ConvenerTurnResponse>? Conveners = null)
{
    public static BodyResponse Of(CollaborationBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new(body.Id, body.Name, body.Kind, body.OrganizationId, body.AgreementId, [.. body.RotationOrder.Select(slot => (IReadOnlyList<string>)[.. slot])], body.RotationStartYear);
    }

    public static BodyResponse Of(BodyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Of(view.Body) with
        {
            On = view.On,
            Members = [.. view.Members.Select(m => new BodyMemberResponse(m.Person.Id, m.Person.Name, m.Role.Role, m.Role.From, m.Role.Until))],
            Conveners = [.. view.Conveners.Select(t => new ConvenerTurnResponse(t.Year, t.BoardIds))],
        };
    }
}
