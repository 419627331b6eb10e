namespace BusFlow.Host.Tests.Telemetry;

/// <summary>A background job that always fails, for the job failure counter.</summary>
public static class FailingJob
{
    public static void Fail() => throw new InvalidOperationException("This job fails on purpose.");
}
