using NodaTime;

namespace BusFlow.Bus.Status;

/// <summary>
/// Where an agreement stands on a day: its decision rounds, newest first, and every open task of its
/// workflows, most urgent first, with the next deadline and how many are overdue.
/// </summary>
public sealed record AgreementStatusBoard(string AgreementId, LocalDate Today, IReadOnlyList<RoundStatus> Rounds, IReadOnlyList<ActionNeeded> MustAct)
{
    public int Overdue => MustAct.Count(a => a.Overdue);

    /// <summary>The first day on or after today by which someone must act: an open task's due date or a running round's deadline.</summary>
    public LocalDate? NextDeadline =>
        MustAct.Select(a => a.DueDate)
            .Concat(Rounds.Where(r => r.IsLive).Select(r => r.Deadline))
            .Where(d => d is { } day && day >= Today)
            .Min();
}
