using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Cycles;

/// <summary>
/// Keeps every agreement in force on its cycles: its annual wheel (spring review and autumn planning,
/// or the yearly follow-up with a rotating convener) and, for an agreement renewed each mandate, its renewal,
/// which waits until its start date (by default 9 months before the end); an agreement revised in place
/// has no renewal: its parties revise it when they need to (agreement-revision). Safe to
/// call again and again: each cycle's correlation key starts it once.
/// </summary>
public static class AgreementCycles
{
    public const string AnnualCycleWorkflow = "bus-annual-cycle";
    public const string RenewalWorkflow = "agreement-renewal";
    public const string Actor = "busflow";

    public static string AnnualCycleKey(string agreementId) => $"annual-cycle-{agreementId}";

    public static string RenewalKey(string agreementId) => $"renewal-{agreementId}";

    /// <summary>
    /// Whether a shipped workflow drives the agreement's yearly meetings: bus-annual-cycle drives both
    /// the spring-and-autumn wheel and the yearly follow-up with a rotating convener.
    /// </summary>
    public static bool HasWorkflow(AgreementCycleShape shape) => shape is AgreementCycleShape.SpringAndAutumn or AgreementCycleShape.YearlyFollowUp;

    /// <summary>The cycles an agreement runs, each a workflow and the correlation key that starts it once.</summary>
    public static IEnumerable<(string Workflow, string Key)> Of(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (HasWorkflow(agreement.Cycle))
        {
            yield return (AnnualCycleWorkflow, AnnualCycleKey(agreement.Id));
        }

        if (agreement.ChangeMode == AgreementChangeMode.RenewedEachMandate)
        {
            yield return (RenewalWorkflow, RenewalKey(agreement.Id));
        }
    }

    /// <returns>How many cycles were started now (0 when all were already running).</returns>
    public static async Task<int> EnsureStartedAsync(WorkflowRuntime runtime, IWorkflowStore store, CancellationToken ct)
    {
        IReadOnlyList<Agreement> agreements;
        await using (var session = await store.BeginAsync(ct))
        {
            agreements = await session.Facet<IBusRecords>().ListAgreementsAsync(ct);
        }

        var started = 0;
        foreach (var agreement in agreements.Where(a => a.Status == AgreementStatus.Active))
        {
            foreach (var (workflow, key) in Of(agreement))
            {
                var input = new JsonObject { ["agreement"] = agreement.Id };
                started += (await runtime.StartAsync(new StartRequest(workflow, input, key, Actor: Actor), ct)).Created ? 1 : 0;
            }
        }

        return started;
    }
}
