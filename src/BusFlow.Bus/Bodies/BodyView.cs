using BusFlow.Bus.Model;
using BusFlow.Bus.Rotation;
using NodaTime;

namespace BusFlow.Bus.Bodies;

/// <summary>
/// A collaboration body as people look it up: who is in it on a day, and, when its convener rotates,
/// which board(s) convene in each of the coming years.
/// </summary>
public sealed record BodyView(CollaborationBody Body, LocalDate On, IReadOnlyList<BodyMember> Members, IReadOnlyList<ConvenerTurn> Conveners);
