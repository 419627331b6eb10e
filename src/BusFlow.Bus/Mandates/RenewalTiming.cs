using NodaTime;

namespace BusFlow.Bus.Mandates;

/// <summary>
/// Whether the renewal of an agreement is timed well against the election: an agreement that
/// ends after an election in the same year is decided either by the outgoing boards in the
/// autumn after the election, or by the new boards early the next year.
/// </summary>
/// <param name="Election">The election in the year the agreement ends, on or before its end; null when there is none.</param>
/// <param name="WarningSv">What to watch out for, in Swedish; null when all is well.</param>
/// <param name="WarningEn">The same in English.</param>
public sealed record RenewalTiming(LocalDate AgreementEnds, LocalDate RenewalStarts, LocalDate? Election, string? WarningSv, string? WarningEn)
{
    public bool EndsAfterElection => Election is not null;

    /// <summary>The renewal starts only after the agreement has ended: for a while no agreement is in force.</summary>
    public bool StartsAfterEnd => RenewalStarts > AgreementEnds;

    public bool HasWarning => WarningSv is not null;
}
