namespace BusFlow.Hangfire.Baseline;

/// <summary>The job bare Hangfire runs in the baseline: nothing, so that only Hangfire's own storage work is timed.</summary>
public static class NoOpJob
{
    public static void Run()
    {
        // Nothing: the baseline measures what Hangfire costs around a job.
    }
}
