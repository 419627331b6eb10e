using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;

namespace BusFlow.Engine.Journal;

/// <summary>
/// A task was answered: the outcome, the comment, the answer's facts (e.g. the decision's date and
/// paragraph), how the person was recognised and what the journal keeps of how the answer came.
/// </summary>
public sealed record TaskCompletedPayload(Guid TaskId, string Outcome, string? Comment, JsonObject? Data, string? Proof, JsonObject? Evidence) : JournalPayload, ITaskJournalPayload
{
    internal override JournalKind Kind => JournalKind.TaskCompleted;
}
