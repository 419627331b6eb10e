using BusFlow.Bus.Calendar;
using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Setup;

/// <summary>
/// An agreement's official records as a setup file lists them: each decision on one line, with the
/// signature of its board's chair on the board's last approval. A signature is written to the minute,
/// so a stored one is the file's when they agree to the minute.
/// </summary>
public static class SetupDecisions
{
    public static IReadOnlyList<SetupDocument.DecisionEntry> Of(IReadOnlyList<PartyDecision> decisions, IReadOnlyList<PartySignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(signatures);
        var ordered = decisions.OrderBy(d => d.DecisionDate).ThenBy(d => d.RecordedAt).ToList();
        return
        [
            .. ordered.Select(decision =>
            {
                var signed = decision == ordered.LastOrDefault(d => d.BoardId == decision.BoardId && d.Outcome == DecisionOutcome.Approve)
                    ? signatures.FirstOrDefault(s => s.BoardId == decision.BoardId)
                    : null;
                return new SetupDocument.DecisionEntry(
                    decision.BoardId,
                    decision.Outcome,
                    decision.DecisionDate,
                    decision.MeetingDate,
                    decision.Paragraph,
                    decision.RegistrationNumber,
                    signed is null ? null : new SetupDocument.SignatureEntry(signed.PersonId, LocalTimeOf(signed.SignedAt), signed.Proof));
            }),
        ];
    }

    /// <summary>When a signature was made, local time in Stockholm to the minute, as a setup file writes it.</summary>
    public static LocalDateTime LocalTimeOf(Instant signedAt)
    {
        var local = signedAt.InZone(StockholmTime.Zone).LocalDateTime;
        return local.Date + new LocalTime(local.Hour, local.Minute);
    }

    /// <summary>Whether a stored decision is the one a file's line describes: same board, day and outcome.</summary>
    public static bool Same(PartyDecision stored, SetupDocument.DecisionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(entry);
        return stored.BoardId == entry.Board && stored.DecisionDate == entry.Date && stored.Outcome == entry.Outcome;
    }
}
