namespace BusFlow.Host.Benchmarking;

/// <summary>
/// The replay's rounds (one client, then several); what an instance sent — commands (each one round trip, several statements when EF
/// Core batched a save) and transactions — and how many of those rolled back when recorded.
/// </summary>
internal sealed record ReplayResult(LoadRound Round, LoadRound ConcurrentRound, double CommandsPerInstance, double TransactionsPerInstance, int RolledBack);
