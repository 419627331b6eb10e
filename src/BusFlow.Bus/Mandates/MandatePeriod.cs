using NodaTime;

namespace BusFlow.Bus.Mandates;

/// <summary>
/// A four-year mandate period (mandatperiod) of municipal and regional councils and their boards.
/// </summary>
/// <param name="Start">1 January after the election that chose it.</param>
/// <param name="End">31 December four years later, the period's last day.</param>
/// <param name="ElectionBefore">The election that chose it.</param>
/// <param name="NextElection">The election in its last year, which chooses the next period's councils.</param>
public sealed record MandatePeriod(LocalDate Start, LocalDate End, LocalDate ElectionBefore, LocalDate NextElection)
{
    public bool Contains(LocalDate day) => Start <= day && day <= End;

    /// <summary>"2023–2026".</summary>
    public override string ToString() => $"{Start.Year}–{End.Year}";
}
