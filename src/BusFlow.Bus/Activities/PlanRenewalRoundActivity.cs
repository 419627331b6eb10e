using System.Text.Json.Nodes;
using BusFlow.Bus.Mandates;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Times the next decision round of a renewal (<see cref="RenewalRounds"/>): when it may start, its deadline,
/// each board's next possible meeting, and the warnings for the coordinator; after a failed round, what it came to.
/// Output: { startsOn, deadline, endsAfterAgreement, meetings, warningSv, warningEn, previousSv, previousEn }.
/// </summary>
public sealed class PlanRenewalRoundActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("PlanRenewalRound", "Times a renewal's decision round so that every board is asked: it starts today (after a failed round in the election gap: on the new mandate's first day) and ends a month before the old agreement does, or at the last board's next meeting that its notice can still name when that is later. Output: { startsOn, deadline, endsAfterAgreement, meetings, warningSv, warningEn, previousSv, previousEn }.",
    [
        Text("agreement", required: true, "The agreement being renewed."),
        Text("successor", required: true, "The draft of the next agreement, whose parties decide."),
        new PropertySpec("previousRound", PropertyKind.Expression, DataType.Object, Description: "The result of the round that failed ({ rejectedBy, undecided }), if any."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var records = Records(context);
        var current = await AgreementAsync(context, RequiredText(context, "agreement"));
        var successor = await AgreementAsync(context, RequiredText(context, "successor"));
        var previous = context.Evaluate("previousRound", DataType.Object) as JsonObject;
        var plan = await RenewalRounds.PlanAsync(records, current, successor, previous is not null, context.Today, context.Calendar, CancellationToken.None);

        var meetings = new JsonObject();
        foreach (var (board, meeting) in plan.Meetings)
        {
            meetings[board] = meeting is { } day ? Values.FromDate(day) : null;
        }

        var output = new JsonObject
        {
            ["startsOn"] = Values.FromDate(plan.StartsOn),
            ["deadline"] = Values.FromDate(plan.Deadline),
            ["endsAfterAgreement"] = plan.EndsAfterAgreement,
            ["meetings"] = meetings,
            ["warningSv"] = plan.WarningSv,
            ["warningEn"] = plan.WarningEn,
        };
        if (previous is not null)
        {
            var (sv, en) = RenewalRounds.PreviousRound(Boards(previous["rejectedBy"]), Boards(previous["undecided"]), plan.BoardCodes);
            output["previousSv"] = sv;
            output["previousEn"] = en;
        }

        context.Complete(output);
    }

    private static List<string> Boards(JsonNode? list) => list is JsonArray array ? [.. array.Select(Values.ToText)] : [];
}
