using BusFlow.Bus.Cycles;

namespace BusFlow.Host.Api.Agreements;

/// <summary>What a start or stop did: the outcome and how many instances it started or cancelled.</summary>
public sealed record CycleCommandResponse(string AgreementId, CycleCommandOutcome Outcome, int Instances);
