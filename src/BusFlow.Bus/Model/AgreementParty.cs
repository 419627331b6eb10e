namespace BusFlow.Bus.Model;

/// <summary>How a party takes part in an agreement.</summary>
public enum PartyInvolvement
{
    /// <summary>The party decides on the agreement (a board: its chair signs).</summary>
    Decides,

    /// <summary>The party is heard before the decisions but does not decide (Partille's pupils' council, Elev-BUS).</summary>
    Consulted,
}

/// <summary>
/// A party to an agreement: one of the municipality's boards, or an organization that is not a
/// board (the region, the police, Försäkringskassan, a pupils' council), with whoever represents it.
/// Exactly one of <see cref="BoardId"/> and <see cref="OrganizationId"/> is set.
/// </summary>
public sealed class AgreementParty
{
    public Guid Id { get; set; }
    public required string AgreementId { get; set; }
    public string? BoardId { get; set; }
    public string? OrganizationId { get; set; }

    /// <summary>The person who speaks for the party in the collaboration, when one is named.</summary>
    public string? RepresentativeId { get; set; }

    public PartyInvolvement Involvement { get; set; }

    /// <summary>Where the party stands in the agreement's list, from 0.</summary>
    public int Position { get; set; }
}
