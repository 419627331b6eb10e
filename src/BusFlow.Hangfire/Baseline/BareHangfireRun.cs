namespace BusFlow.Hangfire.Baseline;

/// <summary>What bare Hangfire did with the no-op jobs: how many succeeded and failed, and how long enqueueing and running took.</summary>
public sealed record BareHangfireRun(int Jobs, long Succeeded, long Failed, TimeSpan Enqueueing, TimeSpan Running, int Workers);
