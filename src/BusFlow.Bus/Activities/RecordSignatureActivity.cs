using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>Records that a board's authorised chair signed an agreement, and how the signer was proven.</summary>
public sealed class RecordSignatureActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("RecordSignature", "Records a chair's signature of an agreement on behalf of a board, with the proof used.",
    [
        Text("agreement", required: true, "The agreement id."),
        Text("board", required: true, "The board on whose behalf the chair signs."),
        Text("person", required: true, "The signer's person id: the chair who was asked."),
        Text("signedBy", required: false, "Who answered the task (its completedBy, an e-mail address): when it is a person's address, the signature is hers — the task may have passed to a new chair since it was asked."),
        Text("proof", required: false, "How the signer was proven: link, one-time-code, … Default: link."),
        DocumentVersion("the signature"),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var agreement = await AgreementAsync(context, RequiredText(context, "agreement"));
        var board = await BoardAsync(context, RequiredText(context, "board"));
        var signature = new PartySignature
        {
            Id = Guid.CreateVersion7(),
            AgreementId = agreement.Id,
            BoardId = board.Id,
            PersonId = await SignerAsync(context),
            SignedAt = context.Now,
            Proof = OptionalText(context, "proof") ?? "link",
        };
        context.Write((session, _) =>
        {
            session.Facet<IBusRecords>().Add(signature);
            return Task.CompletedTask;
        });
        context.Complete(new JsonObject
        {
            ["signatureId"] = signature.Id.ToString(),
            ["board"] = board.Id,
            ["person"] = signature.PersonId,
            ["signedAt"] = Values.FromInstant(signature.SignedAt),
            ["document"] = await DocumentVersionOfAsync(context),
        });
    }

    private static async Task<string> SignerAsync(ActivityContext context) =>
        OptionalText(context, "signedBy") is { } address && await Records(context).FindPersonByEmailAsync(address, CancellationToken.None) is { } signer
            ? signer.Id
            : RequiredText(context, "person");
}
