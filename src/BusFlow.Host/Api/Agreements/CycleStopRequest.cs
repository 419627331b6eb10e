namespace BusFlow.Host.Api.Agreements;

/// <summary>Why the cycles stop: written in each cancelled instance's journal.</summary>
public sealed record CycleStopRequest(string? Reason);
