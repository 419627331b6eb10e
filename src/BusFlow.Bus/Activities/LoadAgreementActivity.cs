using System.Text.Json.Nodes;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Mandates;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;
using NodaTime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Reads an agreement for the steps that follow: its period, the body that meets in its cycle,
/// its steering group, its deciding boards, recipients, the years it covers, when its renewal should start, and a
/// warning when its end follows an election.
/// </summary>
public sealed class LoadAgreementActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("LoadAgreement", "Reads an agreement. Output: { id, title, status, organization, body, steeringGroup (the steering group of the agreement or of the one it renews, else body), cycle, validFrom, validUntil, endsAfter, parties, recipients, cycles (the annual wheel of each year), renewalStarts, renewalWarningSv, renewalWarningEn }.",
    [
        Text("agreement", required: true, "The agreement id."),
        new PropertySpec("renewalLead", PropertyKind.Expression, DataType.Duration, Description: "How long before the end the renewal starts. Default: P9M, so that outgoing boards can decide."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var agreement = await AgreementAsync(context, RequiredText(context, "agreement"));
        var lead = context.Evaluate("renewalLead", DataType.Duration) is { } value ? Values.ToDuration(value) : Period.FromMonths(9);
        // The day after the last valid day, minus the lead: an agreement valid until 2026-12-31 starts its renewal 2026-04-01.
        var renewalStarts = agreement.ValidUntil.PlusDays(1).Minus(lead);
        var timing = MandatePeriods.CheckRenewal(agreement.ValidUntil, renewalStarts);
        var cycles = Enumerable.Range(agreement.ValidFrom.Year, agreement.ValidUntil.Year - agreement.ValidFrom.Year + 1)
            .Select(year => AnnualWheel.For(year, context.Calendar))
            .Select(cycle => (JsonNode?)new JsonObject
            {
                ["year"] = cycle.Year,
                ["planYear"] = cycle.PlanYear,
                ["springStarts"] = Values.FromDate(cycle.SpringStarts),
                ["springReportsDue"] = Values.FromDate(cycle.SpringReportsDue),
                ["springMeeting"] = Values.FromDate(cycle.SpringMeeting),
                ["autumnStarts"] = Values.FromDate(cycle.AutumnStarts),
                ["autumnReportsDue"] = Values.FromDate(cycle.AutumnReportsDue),
                ["autumnMeeting"] = Values.FromDate(cycle.AutumnMeeting),
                ["decisionDeadline"] = Values.FromDate(cycle.DecisionDeadline),
            });
        context.Complete(new JsonObject
        {
            ["id"] = agreement.Id,
            ["title"] = agreement.Title,
            ["status"] = agreement.Status.ToString(),
            ["organization"] = agreement.OrganizationId,
            ["body"] = await CycleBodyAsync(context, agreement),
            ["steeringGroup"] = await SteeringGroupAsync(context, agreement) ?? await CycleBodyAsync(context, agreement),
            ["cycle"] = agreement.Cycle.ToString(),
            ["validFrom"] = Values.FromDate(agreement.ValidFrom),
            ["validUntil"] = Values.FromDate(agreement.ValidUntil),
            ["endsAfter"] = Values.FromDate(agreement.ValidUntil.PlusDays(1)),
            ["parties"] = List(agreement.PartyBoardIds),
            ["recipients"] = List(agreement.Recipients),
            ["cycles"] = new JsonArray(cycles.ToArray()),
            ["renewalStarts"] = Values.FromDate(renewalStarts),
            ["renewalWarningSv"] = timing.WarningSv,
            ["renewalWarningEn"] = timing.WarningEn,
        });
    }

    /// <summary>
    /// The agreement's own body; an agreement stored before agreements named theirs falls back to
    /// the management group kept for it or for its predecessors, never to another collaboration's body.
    /// </summary>
    private static async Task<string?> CycleBodyAsync(ActivityContext context, Agreement agreement)
    {
        var records = Records(context);
        var bodies = await records.ListBodiesAsync(CancellationToken.None);
        for (Agreement? current = agreement; current is not null;
             current = current.PredecessorId is { } predecessor ? await records.FindAgreementAsync(predecessor, CancellationToken.None) : null)
        {
            if ((current.BodyId ?? bodies.FirstOrDefault(b => b.AgreementId == current.Id && b.Kind == BodyKind.ManagementGroup)?.Id) is { } body)
            {
                return body;
            }
        }

        return null;
    }

    /// <summary>
    /// The steering group linked to the agreement; a renewed agreement keeps the steering group of
    /// the agreement it renews until one is linked to it, as the collaboration goes on with the same group.
    /// </summary>
    private static async Task<string?> SteeringGroupAsync(ActivityContext context, Agreement agreement)
    {
        var bodies = await Records(context).ListBodiesAsync(CancellationToken.None);
        await foreach (var current in WithPredecessorsAsync(context, agreement))
        {
            if (bodies.FirstOrDefault(b => b.AgreementId == current.Id && b.Kind == BodyKind.SteeringGroup) is { } group)
            {
                return group.Id;
            }
        }

        return null;
    }

    private static async IAsyncEnumerable<Agreement> WithPredecessorsAsync(ActivityContext context, Agreement agreement)
    {
        var records = Records(context);
        for (Agreement? current = agreement; current is not null;
             current = current.PredecessorId is { } predecessor ? await records.FindAgreementAsync(predecessor, CancellationToken.None) : null)
        {
            yield return current;
        }
    }
}
