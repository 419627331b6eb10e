namespace BusFlow.Web.Pages.Agreements;

/// <summary>
/// One row of the form's parties: the party as "board:sn" or "organization:region-exempel", its
/// representative's id and "Decides" or "Consulted"; a row without party and representative is left out.
/// </summary>
public sealed record AgreementPartyRow(string Party, string Representative, string Involvement)
{
    public static AgreementPartyRow Empty { get; } = new("", "", nameof(BusFlow.Bus.Model.PartyInvolvement.Decides));

    public bool IsEmpty => Party.Length == 0 && Representative.Length == 0;
}
