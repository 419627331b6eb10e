using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using BusFlow.Bus.Journal;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Cycles;

/// <summary>
/// Starts and stops one agreement's cycles by hand, as an administrator does from its page: starting
/// runs its annual wheel and its renewal (as <see cref="AgreementCycles.EnsureStartedAsync"/> does for
/// every agreement in force at start-up); stopping cancels every instance of the agreement still
/// running, with the reason in each journal. A stopped cycle stays stopped across restarts: its
/// cancelled instance keeps the correlation key, so a later start takes a key of its own.
/// </summary>
public sealed class AgreementCycleControl(WorkflowRuntime runtime, IWorkflowStore store)
{
    /// <summary>How long the reason for a stop may be: it is written in each cancelled instance's journal.</summary>
    public const int ReasonMaxLength = 500;

    /// <summary>Whether a reason for a stop, already trimmed, says something and fits.</summary>
    public static bool IsReason([NotNullWhen(true)] string? reason) => reason is { Length: > 0 and <= ReasonMaxLength };

    public static bool IsLive(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Status is InstanceStatus.Running or InstanceStatus.Waiting or InstanceStatus.Faulted;
    }

    public async Task<AgreementCycleState?> StateAsync(string agreementId, CancellationToken ct) =>
        (await StatesAsync([agreementId], ct)).FirstOrDefault();

    /// <summary>The states of several agreements, read in one session (a list of them is one read, not one per agreement).</summary>
    public async Task<IReadOnlyList<AgreementCycleState>> StatesAsync(IEnumerable<string> agreementIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(agreementIds);
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        var states = new List<AgreementCycleState>();
        foreach (var id in agreementIds)
        {
            if (await records.FindAgreementAsync(id, ct) is { } agreement)
            {
                states.Add(new AgreementCycleState(agreement, await records.ListPartiesAsync(id, ct), await AgreementInstances.ListAsync(session, id, ct)));
            }
        }

        return states;
    }

    public async Task<(CycleCommandOutcome Outcome, int Instances)> StartAsync(string agreementId, string actor, CancellationToken ct)
    {
        if (await StateAsync(agreementId, ct) is not { } state)
        {
            return (CycleCommandOutcome.NoAgreement, 0);
        }

        if (state.Agreement.Status != AgreementStatus.Active)
        {
            return (CycleCommandOutcome.NotInForce, 0);
        }

        if (state.CyclesRun)
        {
            return (CycleCommandOutcome.AlreadyRunning, 0);
        }

        var started = 0;
        foreach (var (workflow, key) in AgreementCycles.Of(state.Agreement))
        {
            var input = new JsonObject { [AgreementInstances.AgreementInput] = agreementId };
            var free = await FreeKeyAsync(workflow, key, ct);
            started += (await runtime.StartAsync(new StartRequest(workflow, input, free, Actor: actor), ct)).Created ? 1 : 0;
        }

        return (CycleCommandOutcome.Started, started);
    }

    public async Task<(CycleCommandOutcome Outcome, int Instances)> StopAsync(string agreementId, string actor, string reason, CancellationToken ct)
    {
        if (await StateAsync(agreementId, ct) is not { } state)
        {
            return (CycleCommandOutcome.NoAgreement, 0);
        }

        var stopped = 0;
        foreach (var instance in OutermostFirst(state.Live.ToList()))
        {
            try
            {
                await runtime.CancelAsync(instance.Id, actor, reason, ct);
                stopped++;
            }
            catch (WorkflowRequestException conflict) when (conflict.Kind == RequestErrorKind.Conflict)
            {
                // Cancelled with its parent a moment ago: nothing left to stop.
            }
        }

        return (stopped > 0 ? CycleCommandOutcome.Stopped : CycleCommandOutcome.NotRunning, stopped);
    }

    /// <summary>
    /// Each instance after the one that started it, so a part is stopped with its whole: a decision
    /// round stopped with the agreement does not tell its coordinator that each board dropped out.
    /// </summary>
    private static IEnumerable<WorkflowInstance> OutermostFirst(IReadOnlyList<WorkflowInstance> live)
    {
        var byId = live.ToDictionary(i => i.Id);
        return live.OrderBy(Depth);

        int Depth(WorkflowInstance instance) =>
            instance.ParentInstanceId is { } parent && byId.TryGetValue(parent, out var started) ? 1 + Depth(started) : 0;
    }

    /// <summary>The cycle's own key the first time; after a stop, the next numbered one ("annual-cycle-x-2").</summary>
    private async Task<string> FreeKeyAsync(string workflow, string key, CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        var candidate = key;
        for (var n = 2; await session.FindInstanceByCorrelationKeyAsync(workflow, candidate, ct) is not null; n++)
        {
            candidate = $"{key}-{n}";
        }

        return candidate;
    }
}
