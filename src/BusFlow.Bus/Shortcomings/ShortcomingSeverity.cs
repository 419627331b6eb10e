namespace BusFlow.Bus.Shortcomings;

/// <summary>How serious the reporter finds a shortcoming in the collaboration.</summary>
public enum ShortcomingSeverity
{
    /// <summary>An inconvenience: the collaboration worked, but not as agreed.</summary>
    Minor,

    /// <summary>A child or young person's support was delayed or made harder.</summary>
    Serious,

    /// <summary>A child or young person was left without the support the parties agreed on.</summary>
    Critical,
}
