using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Host.Api.Bodies;

public sealed record BodyMemberResponse(string PersonId, string Name, RoleKind Role, LocalDate From, LocalDate? Until);
