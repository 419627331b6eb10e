using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Bus.Status;

/// <summary>A decision round: what it is about, its deadline (on a working day), whether it runs, and each party.</summary>
public sealed record RoundStatus(
    Guid InstanceId,
    string Subject,
    InstanceStatus Status,
    Instant StartedAt,
    LocalDate? Deadline,
    IReadOnlyList<PartyStatus> Parties)
{
    public bool IsLive => Status is InstanceStatus.Running or InstanceStatus.Waiting;

    public bool DeadlinePassed(LocalDate today) => Deadline is { } deadline && today > deadline;
}
