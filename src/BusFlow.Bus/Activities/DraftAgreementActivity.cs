using System.Text.Json.Nodes;
using BusFlow.Bus.Mandates;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Expressions;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Drafts the next agreement: the same parties, recipients, body and cycle, valid for the mandate period that
/// starts the day after the predecessor ends. Drafting again gives the same draft.
/// Output: { agreementId, title, validFrom, validUntil, parties, recipients }.
/// </summary>
public sealed class DraftAgreementActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("DraftAgreement", "Drafts the agreement for the next mandate period after a predecessor. Output: { agreementId, title, validFrom, validUntil, parties, recipients }.",
    [
        Text("predecessor", required: true, "The agreement being renewed."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var predecessor = await AgreementAsync(context, RequiredText(context, "predecessor"));
        var period = MandatePeriods.For(predecessor.ValidUntil.PlusDays(1));
        var id = RenewalNames.IdAfter(predecessor, period);
        var draft = await Records(context).FindAgreementAsync(id, CancellationToken.None);
        if (draft is null)
        {
            draft = new Agreement
            {
                Id = id,
                Title = RenewalNames.TitleAfter(predecessor, period),
                ValidFrom = period.Start,
                ValidUntil = period.End,
                Status = AgreementStatus.Draft,
                PredecessorId = predecessor.Id,
                OrganizationId = predecessor.OrganizationId,
                BodyId = predecessor.BodyId,
                Cycle = predecessor.Cycle,
                PartyBoardIds = [.. predecessor.PartyBoardIds],
                Recipients = [.. predecessor.Recipients],
            };
            var added = draft;
            var parties = (await Records(context).ListPartiesAsync(predecessor.Id, CancellationToken.None))
                .Select(party => new AgreementParty
                {
                    Id = Guid.CreateVersion7(),
                    AgreementId = added.Id,
                    BoardId = party.BoardId,
                    OrganizationId = party.OrganizationId,
                    RepresentativeId = party.RepresentativeId,
                    Involvement = party.Involvement,
                    Position = party.Position,
                })
                .ToList();
            context.Write((session, _) =>
            {
                var records = session.Facet<IBusRecords>();
                records.Add(added);
                foreach (var party in parties)
                {
                    records.Add(party);
                }

                return Task.CompletedTask;
            });
        }

        context.Complete(new JsonObject
        {
            ["agreementId"] = draft.Id,
            ["title"] = draft.Title,
            ["validFrom"] = Values.FromDate(draft.ValidFrom),
            ["validUntil"] = Values.FromDate(draft.ValidUntil),
            ["parties"] = List(draft.PartyBoardIds),
            ["recipients"] = List(draft.Recipients),
        });
    }
}
