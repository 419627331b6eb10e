using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Writes a revision the parties decided into the agreement's revision history, in the same
/// transaction as the step, with the workflow instance that put it to them. The agreement stays the
/// one in force: it is revised in place, not renewed. Output: { agreement, number, date, note }.
/// </summary>
public sealed class RecordRevisionActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("RecordRevision", "Records a revision of an agreement decided by its parties: what changed and when, numbered after the revisions before it. Output: { agreement, number, date, note }.",
    [
        Text("agreement", required: true, "The agreement revised in place."),
        Text("note", required: true, "What changed, in a sentence the register keeps."),
        Date("date", required: false, "The day the revision applies from. Default: today."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var agreement = await AgreementAsync(context, RequiredText(context, "agreement"));
        var revision = new AgreementRevision
        {
            Id = Guid.CreateVersion7(),
            AgreementId = agreement.Id,
            Date = DateOrToday(context, "date"),
            Note = RequiredText(context, "note").Trim(),
            InstanceId = context.InstanceId,
        };
        var number = (await Records(context).ListRevisionsAsync(agreement.Id, CancellationToken.None)).Count + 1;
        context.Write((session, _) =>
        {
            session.Facet<IBusRecords>().Add(revision);
            return Task.CompletedTask;
        });
        context.Complete(new JsonObject
        {
            ["agreement"] = agreement.Id,
            ["number"] = number,
            ["date"] = Values.FromDate(revision.Date),
            ["note"] = revision.Note,
        });
    }
}
