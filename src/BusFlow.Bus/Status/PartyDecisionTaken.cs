using NodaTime;

namespace BusFlow.Bus.Status;

/// <summary>What a board decided in a round: the outcome, the day, the paragraph of its minutes and the meeting.</summary>
public sealed record PartyDecisionTaken(string Outcome, LocalDate? DecisionDate, string? Paragraph, LocalDate? MeetingDate);
