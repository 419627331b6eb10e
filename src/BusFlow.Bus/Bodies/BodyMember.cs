using BusFlow.Bus.Model;

namespace BusFlow.Bus.Bodies;

/// <summary>Someone in a body on a day, with the role she holds there (member, co-opted member, chair, secretary…).</summary>
public sealed record BodyMember(Person Person, RoleAssignment Role);
