using System.Text.Json.Nodes;
using BusFlow.Bus.Cycles;
using BusFlow.Engine.Persistence;

namespace BusFlow.Bus.Journal;

/// <summary>
/// The workflow instances that belong to an agreement: every workflow tree in which the agreement
/// takes part. A tree takes part when one of its instances is one of the agreement's cycles (the
/// correlation keys of <see cref="AgreementCycles"/>) or names the agreement in its input
/// (<c>"agreement": "{id}"</c>, as the cycles, decision rounds and board decisions do). The whole
/// tree counts, from its top-most ancestor down to every descendant: a draft's decision round runs
/// inside the predecessor's renewal, which also holds the chairs' signing tasks.
/// </summary>
public static class AgreementInstances
{
    /// <summary>The input that names the agreement an instance works on.</summary>
    public const string AgreementInput = "agreement";

    /// <summary>The agreement's instances, each once, in the order they were created.</summary>
    public static async Task<IReadOnlyList<WorkflowInstance>> ListAsync(IWorkflowSession session, string agreementId, CancellationToken ct)
    {
        var found = new Dictionary<Guid, WorkflowInstance>();
        var unexplored = new Queue<WorkflowInstance>();
        foreach (var member in await ListMembersAsync(session, agreementId, ct))
        {
            var top = await TopAncestorAsync(session, member, ct);
            if (found.TryAdd(top.Id, top))
            {
                unexplored.Enqueue(top);
            }
        }

        while (unexplored.TryDequeue(out var parent))
        {
            foreach (var child in await session.ListInstancesAsync(new InstanceQuery(ParentInstanceId: parent.Id, Take: int.MaxValue), ct))
            {
                if (found.TryAdd(child.Id, child))
                {
                    unexplored.Enqueue(child);
                }
            }
        }

        return [.. found.Values.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)];
    }

    /// <summary>Whether the instance is one of the agreement's (in its workflow tree).</summary>
    public static async Task<bool> IncludesAsync(IWorkflowSession session, string agreementId, Guid instanceId, CancellationToken ct) =>
        (await ListAsync(session, agreementId, ct)).Any(i => i.Id == instanceId);

    /// <summary>Whether an instance's input names the agreement.</summary>
    public static bool NamesAgreement(WorkflowInstance instance, string agreementId) =>
        JsonNode.Parse(instance.InputJson) is JsonObject input
        && input[AgreementInput] is JsonValue named
        && named.TryGetValue<string>(out var id)
        && id == agreementId;

    /// <summary>The agreement's cycles and the instances whose input names it.</summary>
    private static async Task<List<WorkflowInstance>> ListMembersAsync(IWorkflowSession session, string agreementId, CancellationToken ct)
    {
        var members = new List<WorkflowInstance>();
        (string Workflow, string Key)[] cycles =
        [
            (AgreementCycles.AnnualCycleWorkflow, AgreementCycles.AnnualCycleKey(agreementId)),
            (AgreementCycles.RenewalWorkflow, AgreementCycles.RenewalKey(agreementId)),
        ];
        foreach (var (workflow, key) in cycles)
        {
            if (await session.FindInstanceByCorrelationKeyAsync(workflow, key, ct) is { } cycle)
            {
                members.Add(cycle);
            }
        }

        // The text filter narrows the rows read; the input itself decides.
        var mentioning = await session.ListInstancesAsync(new InstanceQuery(InputContains: agreementId, Take: int.MaxValue), ct);
        members.AddRange(mentioning.Where(i => NamesAgreement(i, agreementId)));
        return members;
    }

    private static async Task<WorkflowInstance> TopAncestorAsync(IWorkflowSession session, WorkflowInstance instance, CancellationToken ct)
    {
        var visited = new HashSet<Guid> { instance.Id };
        var top = instance;
        while (top.ParentInstanceId is { } parentId && visited.Add(parentId) && await session.FindInstanceAsync(parentId, ct) is { } parent)
        {
            top = parent;
        }

        return top;
    }
}
