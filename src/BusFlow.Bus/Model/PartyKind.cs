namespace BusFlow.Bus.Model;

/// <summary>What kind of party took a decision.</summary>
public enum PartyKind
{
    /// <summary>One of the municipality's boards, deciding at its meeting.</summary>
    Board,

    /// <summary>An organization that is not a board (the region, the police, Försäkringskassan), answering through its representative.</summary>
    Organization,
}
