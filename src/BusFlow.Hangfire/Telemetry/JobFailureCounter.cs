using System.Diagnostics.Metrics;
using BusFlow.Engine.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;

namespace BusFlow.Hangfire.Telemetry;

/// <summary>
/// A Hangfire server filter that counts the background jobs (delivery, timer sweep, digests, …) that
/// failed on this node, by job, on the "BusFlow" meter. A job stopped by a shutdown is not a failure.
/// </summary>
internal sealed class JobFailureCounter : JobFilterAttribute, IServerFilter
{
    public static readonly Counter<long> Failures = BusFlowTelemetry.Meter.CreateCounter<long>(
        "busflow.jobs.failed", "{job}", "Background job runs that failed on this node (Hangfire tries them again).");

    private static readonly Lock Registration = new();

    /// <summary>Adds the filter to Hangfire's process-wide filters, once however many hosts a process builds.</summary>
    public static void Register()
    {
        lock (Registration)
        {
            if (!GlobalJobFilters.Filters.Any(filter => filter.Instance is JobFailureCounter))
            {
                GlobalJobFilters.Filters.Add(new JobFailureCounter());
            }
        }
    }

    public void OnPerforming(PerformingContext context)
    {
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is null || context.ExceptionHandled || context.Exception is OperationCanceledException
            || context.Exception.InnerException is OperationCanceledException)
        {
            return;
        }

        var job = context.BackgroundJob.Job;
        Failures.Add(1, new KeyValuePair<string, object?>("job", $"{job.Type.Name}.{job.Method.Name}"));
    }
}
