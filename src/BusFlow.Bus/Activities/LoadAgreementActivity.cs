using System.Text.Json.Nodes;
using BusFlow.Bus.Cycles;
using BusFlow.Bus.Mandates;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Reads an agreement for the steps that follow: its period, the body that meets in its cycle,
/// its steering group, its deciding boards, recipients, the years it covers, when its renewal should start, and a
/// warning when its end follows an election.
/// </summary>
public sealed class LoadAgreementActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("LoadAgreement", "Reads an agreement. Output: { id, title, status, organization, body, steeringGroup (the steering group of the agreement or of the one it renews, else body), cycle, validFrom, validUntil, endsAfter, parties, organizations (the deciding parties that are not boards), consulted (the parties heard before a decision), changeMode, recipients, cycles (the annual wheel of each year), renewalStarts, renewalWarningSv, renewalWarningEn }.",
    [
        Text("agreement", required: true, "The agreement id."),
        new PropertySpec("renewalLead", PropertyKind.Expression, DataType.Duration, Description: "How long before the end the renewal starts. Default: P9M, so that outgoing boards can decide."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var agreement = await AgreementAsync(context, RequiredText(context, "agreement"));
        var lead = context.Evaluate("renewalLead", DataType.Duration) is { } value ? Values.ToDuration(value) : MandatePeriods.DefaultRenewalLead;
        var renewalStarts = MandatePeriods.RenewalStarts(agreement.ValidUntil, lead);
        var timing = MandatePeriods.CheckRenewal(agreement.ValidUntil, renewalStarts);
        var lineage = await WithPredecessorsAsync(context, agreement);
        var bodies = await Records(context).ListBodiesAsync(CancellationToken.None);
        var parties = await Records(context).ListPartiesAsync(agreement.Id, CancellationToken.None);
        var body = CycleBody(lineage, bodies);
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
            ["body"] = body,
            ["steeringGroup"] = SteeringGroup(lineage, bodies) ?? body,
            ["cycle"] = agreement.Cycle.ToString(),
            ["validFrom"] = Values.FromDate(agreement.ValidFrom),
            ["validUntil"] = Values.FromDate(agreement.ValidUntil),
            ["endsAfter"] = Values.FromDate(agreement.ValidUntil.PlusDays(1)),
            ["parties"] = List(agreement.PartyBoardIds),
            ["organizations"] = List(parties.Where(p => p is { Involvement: PartyInvolvement.Decides, OrganizationId: not null }).Select(p => p.OrganizationId!)),
            ["consulted"] = List(parties.Where(p => p.Involvement == PartyInvolvement.Consulted).Select(p => p.OrganizationId ?? p.BoardId!)),
            ["changeMode"] = agreement.ChangeMode.ToString(),
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
    private static string? CycleBody(IReadOnlyList<Agreement> lineage, IReadOnlyList<CollaborationBody> bodies) =>
        lineage
            .Select(current => current.BodyId ?? bodies.FirstOrDefault(b => b.AgreementId == current.Id && b.Kind == BodyKind.ManagementGroup)?.Id)
            .FirstOrDefault(body => body is not null);

    /// <summary>
    /// The steering group linked to the agreement; a renewed agreement keeps the steering group of
    /// the agreement it renews until one is linked to it, as the collaboration goes on with the same group.
    /// </summary>
    private static string? SteeringGroup(IReadOnlyList<Agreement> lineage, IReadOnlyList<CollaborationBody> bodies) =>
        lineage
            .Select(current => bodies.FirstOrDefault(b => b.AgreementId == current.Id && b.Kind == BodyKind.SteeringGroup)?.Id)
            .FirstOrDefault(group => group is not null);

    /// <summary>The agreement and the ones it renews, newest first.</summary>
    private static async Task<IReadOnlyList<Agreement>> WithPredecessorsAsync(ActivityContext context, Agreement agreement)
    {
        var records = Records(context);
        var lineage = new List<Agreement>();
        for (Agreement? current = agreement; current is not null;
             current = current.PredecessorId is { } predecessor ? await records.FindAgreementAsync(predecessor, CancellationToken.None) : null)
        {
            lineage.Add(current);
        }

        return lineage;
    }
}
