using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>A child workflow was started (or an existing one with the same correlation key joined), and whether the parent waits for it.</summary>
public sealed record ChildStartedPayload(Guid ChildInstanceId, string DefinitionId, bool Wait) : JournalPayload
{
    internal override JournalKind Kind => JournalKind.ChildStarted;
}
