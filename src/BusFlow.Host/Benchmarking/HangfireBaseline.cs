using BusFlow.Hangfire.Baseline;

namespace BusFlow.Host.Benchmarking;

/// <summary>Bare Hangfire on the same PostgreSQL (<see cref="BareHangfire"/>), with the host's worker count.</summary>
internal static class HangfireBaseline
{
    public static async Task<BenchmarkSection> RunAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        const string Title = "Hangfire baseline: no-op jobs on the same storage";
        if (!options.Storage.UsesPostgres())
        {
            return BenchmarkSection.Skip(PlatformBenchmarkOptions.Hangfire, Title, "skipped: Hangfire.PostgreSql needs --provider Postgres");
        }

        var run = await BareHangfire.RunNoOpJobsAsync(
            options.Storage.ConnectionString, options.HangfireJobs, Math.Min(Environment.ProcessorCount * 5, 20), options.EffectiveJobPolling, ct);
        return new BenchmarkSection(PlatformBenchmarkOptions.Hangfire, Title, new Dictionary<string, double>
        {
            ["jobs"] = run.Jobs,
            ["succeeded"] = run.Succeeded,
            ["failed"] = run.Failed,
            ["enqueuedPerSecond"] = run.Jobs / run.Enqueueing.TotalSeconds,
            ["jobsPerSecond"] = run.Succeeded / run.Running.TotalSeconds,
            ["workers"] = run.Workers,
        },
        $"{run.Jobs} no-op jobs enqueued one by one, then run by a BackgroundJobServer with {run.Workers} workers (the host's count) until all succeeded; Hangfire.PostgreSql on a throwaway schema.");
    }
}
