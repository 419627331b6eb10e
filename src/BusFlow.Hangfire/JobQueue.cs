using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Hangfire;

/// <summary>What a host's job storage holds right now, for tools that must wait for the jobs to run out.</summary>
public static class JobQueue
{
    /// <summary>
    /// Waits until nothing has been enqueued or processing for <paramref name="quiet"/>, or <paramref name="atMost"/>
    /// has passed; returns at once when the host has no job storage.
    /// </summary>
    public static async Task WaitUntilQuietAsync(IServiceProvider services, TimeSpan quiet, TimeSpan atMost, CancellationToken ct)
    {
        if (services.GetService<JobStorage>() is not { } jobs)
        {
            return;
        }

        var monitoring = jobs.GetMonitoringApi();
        var quietFor = Stopwatch.StartNew();
        var waited = Stopwatch.StartNew();
        while (quietFor.Elapsed < quiet && waited.Elapsed < atMost)
        {
            if (monitoring.ProcessingCount() + monitoring.Queues().Sum(q => q.Length) > 0)
            {
                quietFor.Restart();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }
}
