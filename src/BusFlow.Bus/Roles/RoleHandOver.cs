using BusFlow.Bus.Model;

namespace BusFlow.Bus.Roles;

/// <summary>A role passing from one person to another at the turn of a mandate period.</summary>
public sealed record RoleHandOver(RoleAssignment Outgoing, RoleAssignment Incoming);
