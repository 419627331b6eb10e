using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Bus.Papers;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Writes the protocol extract (protokollsutdrag) of a board's decision as a DOCX, for SendEmail to
/// attach. Who certified the minutes (justerat) is the answer's, else the board's chair on the meeting
/// day, else whoever recorded the decision. Output: { fileName, contentType, content (base64), sha256,
/// length, recipients (the agreement's recipient ids) }.
/// </summary>
public sealed class ProtocolExtractActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("ProtocolExtract", "Writes the protocol extract of a board's decision (DOCX) to attach to mail. Output: { fileName, contentType, content (base64), sha256, length, recipients }.",
    [
        Text("board", required: true, "The board that decided."),
        Text("subject", required: true, "The matter decided."),
        Text("agreement", required: false, "The agreement the decision is about: its recipients are named in the extract and given in the output."),
        Text("outcome", required: true, "approve, reject, referBack or table."),
        Date("meetingDate", required: true, "The day of the meeting that decided."),
        Text("paragraph", required: true, "The paragraph in the minutes, e.g. § 112."),
        Text("registrationNumber", required: false, "The case's registration number."),
        Text("decidedText", required: false, "The text decided, e.g. the proposed decision that was approved."),
        Text("certifiedBy", required: false, "Who certified (justerade) the minutes. Default: the board's chair on the meeting day."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var outcomeText = RequiredText(context, "outcome");
        if (!Enum.TryParse<DecisionOutcome>(outcomeText, ignoreCase: true, out var outcome))
        {
            throw ActivityContext.Fail($"'{outcomeText}' is not a decision outcome (approve, reject, referBack, table)");
        }

        var records = Records(context);
        var board = await BoardAsync(context, RequiredText(context, "board"));
        var meetingDate = context.Evaluate("meetingDate", DataType.Date) is { } meeting ? Values.ToDate(meeting) : throw ActivityContext.Fail($"'meetingDate' of {context.Node.Id} is empty");
        var agreement = OptionalText(context, "agreement") is { } agreementId ? await AgreementAsync(context, agreementId) : null;
        var certifiedBy = OptionalText(context, "certifiedBy")
            ?? (await records.FindRoleHolderAsync(RoleKind.Chair, board.Id, meetingDate, CancellationToken.None))?.Name
            ?? context.Actor;
        var facts = new ProtocolExtractFacts(
            board.Name,
            meetingDate,
            RequiredText(context, "paragraph"),
            RequiredText(context, "subject"),
            OptionalText(context, "registrationNumber"),
            outcome,
            OptionalText(context, "decidedText") ?? "",
            certifiedBy,
            agreement is null ? [] : await BoardMemo.RecipientNamesAsync(records, agreement, CancellationToken.None));
        var content = ProtocolExtractPaper.Write(facts);
        context.Complete(new JsonObject
        {
            ["fileName"] = ProtocolExtractPaper.FileNameOf(facts),
            ["contentType"] = MemoPaper.ContentType,
            ["content"] = Convert.ToBase64String(content),
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
            ["length"] = content.Length,
            ["recipients"] = List(agreement?.Recipients ?? []),
        });
    }
}
