using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>An instance faulted, with this error.</summary>
public sealed record FaultedPayload(string? Error) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.Faulted;
}
