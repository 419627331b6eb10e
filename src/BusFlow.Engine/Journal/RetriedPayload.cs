using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>A faulted instance was retried; the error it had faulted with.</summary>
public sealed record RetriedPayload(string? PreviousError) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.Retried;
}
