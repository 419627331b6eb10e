using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Writes a party's decision as an official record, in the same transaction as the step: a board's,
/// or an organization's that is not a board (answered by its representative), recorded as its own.
/// </summary>
public sealed class RecordDecisionActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("RecordDecision", "Records a board's or an organization's decision (approve, reject, referBack, table) with date, paragraph and registration number. Name either board or organization.",
    [
        Text("subject", required: true, "What was decided."),
        Text("agreement", required: false, "The agreement the decision is about, if any."),
        Text("board", required: false, "The board that decided."),
        Text("organization", required: false, "The organization that decided, when the party is not a board (the region, the police)."),
        Text("outcome", required: true, "approve, reject, referBack or table."),
        Date("decisionDate", required: false, "The day of the decision. Default: today."),
        Date("meetingDate", required: false, "The day of the board meeting that decided."),
        Text("paragraph", required: false, "The paragraph in the minutes, e.g. § 112."),
        Text("registrationNumber", required: false, "The case's registration number, e.g. 2026.014 SN."),
        DocumentVersion("the decision"),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var outcomeText = RequiredText(context, "outcome");
        if (!Enum.TryParse<DecisionOutcome>(outcomeText, ignoreCase: true, out var outcome))
        {
            throw ActivityContext.Fail($"'{outcomeText}' is not a decision outcome (approve, reject, referBack, table)");
        }

        var (partyId, kind) = await PartyAsync(context);
        var decision = new PartyDecision
        {
            Id = Guid.CreateVersion7(),
            Subject = RequiredText(context, "subject"),
            AgreementId = OptionalText(context, "agreement"),
            BoardId = partyId,
            PartyKind = kind,
            Outcome = outcome,
            DecisionDate = DateOrToday(context, "decisionDate"),
            MeetingDate = context.Evaluate("meetingDate", DataType.Date) is { } meeting ? Values.ToDate(meeting) : null,
            Paragraph = OptionalText(context, "paragraph"),
            RegistrationNumber = OptionalText(context, "registrationNumber"),
            InstanceId = context.InstanceId,
            RecordedAt = context.Now,
            RecordedBy = context.Actor,
        };
        context.Write((session, _) =>
        {
            session.Facet<IBusRecords>().Add(decision);
            return Task.CompletedTask;
        });
        context.Complete(new JsonObject
        {
            ["decisionId"] = decision.Id.ToString(),
            ["subject"] = decision.Subject,
            [kind == PartyKind.Board ? "board" : "organization"] = partyId,
            ["party"] = kind.ToString(),
            ["outcome"] = JsonNamingOf(outcome),
            ["decisionDate"] = Values.FromDate(decision.DecisionDate),
            ["document"] = await DocumentVersionOfAsync(context),
        });
    }

    private static async Task<(string Id, PartyKind Kind)> PartyAsync(ActivityContext context)
    {
        var (board, organization) = (OptionalText(context, "board"), OptionalText(context, "organization"));
        if ((board is null) == (organization is null))
        {
            throw ActivityContext.Fail($"{context.Node.Id} names {(board is null ? "neither a board nor an organization" : "both a board and an organization")}: name the one party that decided");
        }

        if (board is not null)
        {
            return ((await BoardAsync(context, board)).Id, PartyKind.Board);
        }

        return await Records(context).FindOrganizationAsync(organization!, CancellationToken.None) is { } found
            ? (found.Id, PartyKind.Organization)
            : throw ActivityContext.Fail($"there is no organization '{organization}'");
    }

    internal static string JsonNamingOf(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.ReferBack => "referBack",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
