using System.Text.Json.Nodes;
using BusFlow.Bus.Model;
using BusFlow.Engine.Activities;
using BusFlow.Engine.Runtime;

namespace BusFlow.Bus.Activities;

/// <summary>
/// Who answers for a party of an agreement: the representative the agreement names for it, else, for a
/// board, its chair. An organization that is not a board has no meetings in BusFlow, so its named
/// representative answers for it. Output: { party, kind, partyName, involvement, personId, name, email }.
/// </summary>
public sealed class PartyRepresentativeActivity : BusActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("PartyRepresentative", "Finds who answers for a party (a board or an organization) of an agreement: its named representative, else a board's chair. Output: { party, kind (Board or Organization), partyName, involvement, personId, name, email }.",
    [
        Text("agreement", required: true, "The agreement id."),
        Text("party", required: true, "The party's board or organization id."),
    ]);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var agreementId = RequiredText(context, "agreement");
        var partyId = RequiredText(context, "party");
        var records = Records(context);
        var party = (await records.ListPartiesAsync(agreementId, CancellationToken.None)).FirstOrDefault(p => p.OrganizationId == partyId || p.BoardId == partyId)
            ?? throw ActivityContext.Fail($"'{partyId}' is not a party to the agreement '{agreementId}'");
        var kind = party.OrganizationId is null ? PartyKind.Board : PartyKind.Organization;
        var person = party.RepresentativeId is { } named
            ? await records.FindPersonAsync(named, CancellationToken.None)
            : kind == PartyKind.Board ? await records.FindRoleHolderAsync(RoleKind.Chair, partyId, context.Today, CancellationToken.None) : null;
        if (person is null)
        {
            throw ActivityContext.Fail($"nobody answers for '{partyId}' in the agreement '{agreementId}': name its representative");
        }

        var partyName = kind == PartyKind.Board
            ? (await records.FindBoardAsync(partyId, CancellationToken.None))?.Name
            : (await records.FindOrganizationAsync(partyId, CancellationToken.None))?.Name;
        context.Complete(new JsonObject
        {
            ["party"] = partyId,
            ["kind"] = kind.ToString(),
            ["partyName"] = partyName ?? partyId,
            ["involvement"] = party.Involvement.ToString(),
            ["personId"] = person.Id,
            ["name"] = person.Name,
            ["email"] = person.Email,
        });
    }
}
