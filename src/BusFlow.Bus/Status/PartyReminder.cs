using NodaTime;

namespace BusFlow.Bus.Status;

/// <summary>A reminder that went out about a party's open task: when, its number, and whether it was the escalation.</summary>
public sealed record PartyReminder(Instant At, int Number, bool Escalation);
