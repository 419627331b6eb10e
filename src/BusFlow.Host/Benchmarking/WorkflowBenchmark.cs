using System.Diagnostics;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Host.Hosting;
using BusFlow.Notifications.Links;
using BusFlow.Storage;
using NodaTime;

namespace BusFlow.Host.Benchmarking;

/// <summary>One measured operation: how many ran, how fast, and the spread of single latencies.</summary>
public sealed record BenchmarkPhase(string Name, int Count, TimeSpan Elapsed, double P50Milliseconds, double P95Milliseconds)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;
}

public sealed record BenchmarkResult(string Provider, int Instances, IReadOnlyList<BenchmarkPhase> Phases, int CompletedInstances, int JournalEntries)
{
    /// <summary>Task mails put in the outbox (with their link and code); 0 without templates.</summary>
    public int MailsWritten { get; init; }
}

/// <summary>
/// Measures the engine's own operations on a real database, one transaction each, in the order a
/// workflow meets them: start (runs to the first task), a person's answer (resumes inline and
/// schedules a timer), and the timer firing (what a Hangfire job does). The clock is virtual so
/// timers come due at once; the database work is real.
/// </summary>
public static class WorkflowBenchmark
{
    /// <summary>How often each page's queries are read to measure them.</summary>
    private const int PageReads = 30;

    /// <summary>
    /// How many instances one session reads back: a session tracks every row it read and looks
    /// through them all before each query, so one session for 10,000 instances took quadratic time.
    /// </summary>
    private const int ReadChunk = 200;

    public const string DefinitionJson = """
        {
          "id": "benchmark",
          "version": 1,
          "name": "Benchmark: task, then timer",
          "inputs": [ { "name": "n", "type": "integer", "required": true } ],
          "variables": [ { "name": "answer", "type": "object" }, { "name": "done", "type": "boolean", "default": false } ],
          "root": { "type": "Sequence", "id": "main", "activities": [
            { "type": "Task", "id": "approve", "assignee": "chair-{{ input.n }}@kommun.test", "title": "Godkänn {{ input.n }}", "outcomes": ["approve", "reject"], "output": "answer" },
            { "type": "Delay", "id": "wait", "duration": "PT1H" },
            { "type": "SetVariable", "id": "finish", "variable": "done", "value": true }
          ] }
        }
        """;

    /// <param name="templatesFolder">
    /// The message templates: with them each start also renders the task mail into the outbox and
    /// issues the assignee's link and code, as a server does; without them no mail is written.
    /// </param>
    public static async Task<BenchmarkResult> RunAsync(StorageOptions storage, int instances, CancellationToken ct, string? templatesFolder = null)
    {
        var clock = new VirtualClock(SystemClock.Instance.GetCurrentInstant());
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(clock)
            .AddSingleton<ITimerScheduler, NoTimerScheduler>()
            .AddSingleton(LinkKey.Generate())
            .AddBusFlowWorkflows(DateTimeZoneProviders.Tzdb["Europe/Stockholm"], templatesFolder)
            .AddBusFlowStorage(storage)
            .BuildServiceProvider();
        await BusFlowDatabase.MigrateAsync(services, ct);
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var store = services.GetRequiredService<IWorkflowStore>();
        var catalog = services.GetRequiredService<Engine.Definitions.DefinitionCatalog>();
        var loaded = catalog.Loader.Load(DefinitionJson, "benchmark.json");
        await catalog.PublishAsync(store, loaded.Definitions, clock.GetCurrentInstant(), ct);

        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>(instances);
        var start = await MeasureAsync("start instance (runs to its first task)", instances, async i =>
        {
            var result = await runtime.StartAsync(new StartRequest("benchmark", new() { ["n"] = i }, CorrelationKey: $"{run}-{i}"), ct);
            ids.Add(result.Instance.Id);
        });

        var taskIds = new List<Guid>(instances);
        foreach (var chunk in ids.Chunk(ReadChunk))
        {
            await using var session = await store.BeginAsync(ct);
            foreach (var id in chunk)
            {
                taskIds.AddRange((await session.ListTasksAsync(new TaskQuery(InstanceId: id, Status: HumanTaskStatus.Open), ct)).Select(t => t.Id));
            }
        }

        var complete = await MeasureAsync("complete task (resumes inline, sets a timer)", taskIds.Count, async i =>
        {
            var result = await runtime.CompleteTaskAsync(taskIds[i], "approve", null, "benchmark", ct);
            if (result.Status != TaskCompletionStatus.Completed)
            {
                throw new InvalidOperationException($"Task {taskIds[i]} was not completed: {result.Status}.");
            }
        });

        // What /kommande and the late-timer alarm ask, with every instance's timer pending.
        var upcoming = await MeasureAsync("upcoming timers page (4 weeks, late count)", PageReads, async _ =>
        {
            await using var session = await store.BeginAsync(ct);
            var now = clock.GetCurrentInstant();
            await session.CountDueTimersAsync(now - Duration.FromMinutes(5), ct);
            await session.ListDueTimersAsync(now + Duration.FromDays(28), 500, ct);
        });

        clock.Advance(Duration.FromHours(1));
        IReadOnlyList<DurableTimer> due;
        await using (var session = await store.BeginAsync(ct))
        {
            due = await session.ListDueTimersAsync(clock.GetCurrentInstant(), int.MaxValue, ct);
        }

        var fire = await MeasureAsync("fire timer (a timer job's work)", due.Count, async i =>
        {
            if (await runtime.FireTimerAsync(due[i].Id, ct) != TimerFireResult.Fired)
            {
                throw new InvalidOperationException($"Timer {due[i].Id} did not fire.");
            }
        });

        // What /instanser asks: the count and a page of 50, newest first, unfiltered, by state, by text.
        InstanceQuery[] pages =
        [
            new(Take: 50, NewestFirst: true),
            new(Status: InstanceStatus.Completed, Take: 50, Skip: 50, NewestFirst: true),
            new(Text: run, Take: 50, NewestFirst: true),
        ];
        var listed = await MeasureAsync("instances page (count, 50 newest, filters)", PageReads, async i =>
        {
            await using var session = await store.BeginAsync(ct);
            var query = pages[i % pages.Length];
            await session.CountInstancesAsync(query, ct);
            await session.ListInstancesAsync(query, ct);
        });

        var completed = 0;
        var journal = 0;
        var mails = 0;
        foreach (var chunk in ids.Chunk(ReadChunk))
        {
            await using var session = await store.BeginAsync(ct);
            var outbox = session.Facet<Notifications.Outbox.IOutbox>();
            foreach (var id in chunk)
            {
                completed += (await session.FindInstanceAsync(id, ct))?.Status == InstanceStatus.Completed ? 1 : 0;
                journal += (await session.ListJournalAsync(id, ct)).Count;
                mails += (await outbox.ListAsync(new Notifications.Outbox.OutboxQuery(InstanceId: id), ct)).Count;
            }
        }

        return new BenchmarkResult(storage.Provider, instances, [start, complete, upcoming, fire, listed], completed, journal) { MailsWritten = mails };
    }

    private static async Task<BenchmarkPhase> MeasureAsync(string name, int count, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var single = Stopwatch.StartNew();
            await operation(i);
            latencies[i] = single.Elapsed.TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(latencies);
        return new BenchmarkPhase(name, count, total.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.95));
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
