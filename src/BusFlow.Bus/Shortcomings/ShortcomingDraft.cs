namespace BusFlow.Bus.Shortcomings;

/// <summary>A report of a shortcoming as typed: every field as text, checked by <see cref="ShortcomingRegistry"/>.</summary>
/// <param name="OccurredOn">When it happened, yyyy-mm-dd.</param>
/// <param name="Concerns">The party (board or organization) it concerns, when the reporter names one.</param>
/// <param name="Contact">How the coordinator reaches the reporter: a phone number or an address.</param>
public sealed record ShortcomingDraft(string? WhatHappened, string? OccurredOn, string? Concerns, string? Severity, string? Contact);
