using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BusFlow.Engine.Diagnostics;

/// <summary>
/// The "BusFlow" meter and activity source: what the engine and the mail delivery count and trace, in
/// System.Diagnostics terms only, so that any listener (OpenTelemetry in the host, dotnet-counters) can
/// read them and the engine needs no telemetry package. Counts are per node, since the process started.
/// </summary>
public static class BusFlowTelemetry
{
    public const string Name = "BusFlow";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);

    public static readonly Counter<long> InstancesStarted = Meter.CreateCounter<long>(
        "busflow.instances.started", "{instance}", "Workflow instances started on this node.");

    public static readonly Counter<long> TasksAnswered = Meter.CreateCounter<long>(
        "busflow.tasks.answered", "{task}", "Tasks answered on this node (accepted answers only).");

    public static readonly Counter<long> TimersFired = Meter.CreateCounter<long>(
        "busflow.timers.fired", "{timer}", "Durable timers fired on this node.");

    /// <summary>Adds one to <paramref name="counter"/> when <paramref name="happened"/>; nothing otherwise (no empty series).</summary>
    public static void CountIf(bool happened, Counter<long> counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        if (happened)
        {
            counter.Add(1);
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> in a span named <paramref name="spanName"/> (a child of the
    /// request's, when there is one), then lets <paramref name="count"/> add to a counter by its result.
    /// </summary>
    public static async Task<T> TraceAsync<T>(string spanName, Func<Task<T>> operation, Action<T> count)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(count);
        using var span = Source.StartActivity(spanName);
        try
        {
            var result = await operation();
            count(result);
            return result;
        }
        catch (Exception error)
        {
            span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            throw;
        }
    }
}
