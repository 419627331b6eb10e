using System.Collections.Concurrent;

namespace BusFlow.Hangfire.Tests;

/// <summary>A Hangfire job that only reports that it ran, for tests of the job wiring.</summary>
public sealed class ProbeJob
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource<Guid>> Waiting = new();

    /// <summary>Completes when a job runs with <paramref name="token"/>.</summary>
    public static Task<Guid> ExpectRun(Guid token) =>
        Waiting.GetOrAdd(token, _ => new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Run(Guid token)
    {
        if (Waiting.TryGetValue(token, out var run))
        {
            run.TrySetResult(token);
        }
    }
}
