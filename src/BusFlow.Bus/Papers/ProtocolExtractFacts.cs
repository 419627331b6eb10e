using BusFlow.Bus.Model;
using NodaTime;

namespace BusFlow.Bus.Papers;

/// <summary>What a protocol extract (protokollsutdrag) of one board's decision says.</summary>
public sealed record ProtocolExtractFacts(
    string BoardName,
    LocalDate MeetingDate,
    string Paragraph,
    string Subject,
    string? RegistrationNumber,
    DecisionOutcome Outcome,
    string DecidedText,
    string CertifiedBy,
    IReadOnlyList<string> SendTo);
