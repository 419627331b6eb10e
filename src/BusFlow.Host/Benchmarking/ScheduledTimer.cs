using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>A timer as the engine handed it to the scheduler: its id and when it is due.</summary>
internal readonly record struct ScheduledTimer(Guid Id, Instant DueAt);
