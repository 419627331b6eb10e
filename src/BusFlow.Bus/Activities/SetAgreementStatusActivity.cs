using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Definitions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Moves an agreement to a new status. Activating one supersedes the agreement it renews; expiring
/// one marks it as having reached its end unrenewed.
/// </summary>
public sealed class SetAgreementStatusActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("SetAgreementStatus", "Sets an agreement's status (Draft, InDecision, Signed, Active, Expired, Superseded); Active also supersedes its predecessor.",
    [
        Text("agreement", required: true, "The agreement id."),
        new PropertySpec("status", PropertyKind.Literal, DataType.String, Required: true, Description: "The new status.")
        {
            AllowedValues = Enum.GetNames<AgreementStatus>(),
        },
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var agreement = await AgreementAsync(context, RequiredText(context, "agreement"));
        var status = Enum.Parse<AgreementStatus>(context.Node.Literal<string>("status")!);
        var predecessor = status == AgreementStatus.Active && agreement.PredecessorId is { } predecessorId
            ? await Records(context).FindAgreementAsync(predecessorId, CancellationToken.None)
            : null;
        var previous = agreement.Status;
        context.Write((_, _) =>
        {
            agreement.Status = status;
            if (predecessor is not null)
            {
                predecessor.Status = AgreementStatus.Superseded;
            }

            return Task.CompletedTask;
        });
        context.Complete(new JsonObject { ["agreement"] = agreement.Id, ["from"] = previous.ToString(), ["to"] = status.ToString() });
    }
}
