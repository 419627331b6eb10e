using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using NodaTime;

namespace BusFlow.Engine.Runtime;

/// <summary>One operation's transaction: the store session, who acts, and the instances it touched.</summary>
internal sealed class RuntimeSession(IWorkflowSession store, string actor, Instant now)
{
    public IWorkflowSession Store { get; } = store;
    public string Actor { get; } = actor;
    public Instant Now { get; } = now;
    public Dictionary<Guid, Execution> Executions { get; } = [];
    /// <summary>Timers set or moved in this transaction: scheduled once it commits.</summary>
    public List<DurableTimer> NewTimers { get; } = [];

    /// <summary>Journals a step that carries no data.</summary>
    public void Journal(Execution execution, JournalKind kind, string? activityId) => Append(execution, kind, activityId, null);

    /// <summary>Journals a step with its data; the payload's type says which kind of entry it is.</summary>
    public void Journal(Execution execution, string? activityId, JournalPayload payload) =>
        Append(execution, payload.Kind, activityId, JournalPayloads.Write(payload));

    private void Append(Execution execution, JournalKind kind, string? activityId, string? data)
    {
        execution.Instance.JournalLength++;
        Store.Add(new JournalEntry
        {
            InstanceId = execution.Instance.Id,
            Sequence = execution.Instance.JournalLength,
            At = Now,
            Kind = kind,
            ActivityId = activityId,
            Actor = Actor,
            DataJson = data,
        });
    }

    /// <summary>Writes each touched instance's state back to its row before the commit.</summary>
    public void FlushStates()
    {
        foreach (var execution in Executions.Values)
        {
            var json = execution.State.Serialize();
            if (!string.Equals(json, execution.Instance.StateJson, StringComparison.Ordinal) || execution.Instance.UpdatedAt != Now)
            {
                execution.Instance.StateJson = json;
                execution.Instance.UpdatedAt = Now;
            }
        }
    }
}
