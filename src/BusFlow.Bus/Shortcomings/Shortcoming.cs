using NodaTime;

namespace BusFlow.Bus.Shortcomings;

/// <summary>A reported shortcoming as it stands, read from its workflow: the report, the assessment and the remedy.</summary>
/// <param name="Accepted">Whether the coordinator assessed it as a shortcoming; null until assessed.</param>
/// <param name="Assessment">The coordinator's reason for the assessment.</param>
/// <param name="Remedy">What was done to remedy it.</param>
public sealed record Shortcoming(
    Guid InstanceId,
    string AgreementId,
    Instant ReportedAt,
    LocalDate OccurredOn,
    string WhatHappened,
    string? Concerns,
    ShortcomingSeverity Severity,
    ShortcomingState State,
    bool? Accepted,
    string? Assessment,
    string? Remedy);
