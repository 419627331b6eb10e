namespace BusFlow.Host.Benchmarking;

/// <summary>The job bare Hangfire runs in the baseline: nothing, so that only Hangfire's own storage work is timed.</summary>
public static class BenchmarkNoOpJob
{
    public static void Run()
    {
        // Nothing: the baseline measures what Hangfire costs around a job.
    }
}
