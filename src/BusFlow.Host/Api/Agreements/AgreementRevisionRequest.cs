using NodaTime;

namespace BusFlow.Host.Api.Agreements;

/// <summary>A revision of the agreement's text: the day it was revised and what changed (1 to 500 characters).</summary>
public sealed record AgreementRevisionRequest(LocalDate? Date, string? Note);
