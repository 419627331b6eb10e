namespace BusFlow.Host.Benchmarking;

/// <summary>
/// The engine in-process: whole three-step instances (start → answer → timer), one client, then
/// several at once; and a node's memory while it holds many waiting instances.
/// </summary>
internal static class EngineThroughput
{
    public static async Task<BenchmarkSection> RunAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        await using var engine = await EngineServices.StartAsync(options, null, ct);
        var run = Guid.NewGuid().ToString("N")[..8];
        var warmUp = await LoadRound.WarmUpAsync(options.Clients, 10 * options.Instances, i => engine.RunInstanceAsync($"{run}-w{i}", i, ct));
        var ids = new Guid[options.Instances];
        var single = await LoadRound.RunAsync(options.Instances, 1, async i => ids[i] = await engine.RunInstanceAsync($"{run}-s{i}", i, ct));
        var concurrent = await LoadRound.RunAsync(options.Instances, options.Clients, i => engine.RunInstanceAsync($"{run}-c{i}", i, ct));
        var replay = options.Storage.UsesPostgres() ? await StatementReplay.RunAsync(engine, options.Instances, options.Clients, run, ct) : null;

        var journal = 0;
        var sampled = ids.Take(20).ToList();
        await using (var session = await engine.Store.BeginAsync(ct))
        {
            foreach (var id in sampled)
            {
                journal += (await session.ListJournalAsync(id, ct)).Count;
            }
        }

        var figures = new Dictionary<string, double>
        {
            ["instancesPerSecond"] = single.PerSecond,
            ["instanceP50Ms"] = single.P50,
            ["instanceP99Ms"] = single.P99,
            ["cpuMsPerInstance"] = single.CpuMillisecondsEach,
            ["allocatedKbPerInstance"] = single.AllocatedKilobytesEach,
            ["concurrentClients"] = options.Clients,
            ["concurrentInstancesPerSecond"] = concurrent.PerSecond,
            ["concurrentInstanceP50Ms"] = concurrent.P50,
            ["concurrentInstanceP99Ms"] = concurrent.P99,
            ["journalLinesPerInstance"] = (double)journal / sampled.Count,
            ["instances"] = options.Instances,
            ["warmUpInstances"] = warmUp.Operations,
            ["warmUpSeconds"] = warmUp.Elapsed.TotalSeconds,
            ["warmUpSettled"] = warmUp.Settled ? 1 : 0,
            ["jitMsInRound"] = single.JitMilliseconds,
            ["gcPauseMsInRound"] = single.GcPauseMilliseconds,
        };
        if (replay is not null)
        {
            figures["replayedInstancesPerSecond"] = replay.Round.PerSecond;
            figures["replayCpuMsPerInstance"] = replay.Round.CpuMillisecondsEach;
            figures["concurrentReplayedInstancesPerSecond"] = replay.ConcurrentRound.PerSecond;
            figures["commandsPerInstance"] = replay.CommandsPerInstance;
            figures["transactionsPerInstance"] = replay.TransactionsPerInstance;
            figures["engineOwnMsPerInstance"] = 1000 / single.PerSecond - 1000 / replay.Round.PerSecond;
        }

        return new BenchmarkSection(PlatformBenchmarkOptions.Engine, "Engine in-process: start → answer → timer", figures,
        $"{options.Instances} instances per round, each its three operations in their own transactions, the answer to the task whose id the start's mail would carry; " +
        (options.TemplatesFolder is null ? "no mail templates (no task mail)." : "each start also writes its task mail with link and code, as a server does.") +
        (replay is null ? "" : " Replayed: the commands that many more instances sent, recorded, their rows deleted, then sent again as they were without the engine, by one client and then by as many as above" +
            (replay.RolledBack > 0 ? $" ({replay.RolledBack} transactions had rolled back and were rolled back again)." : ".")));
    }

    /// <summary>The process's memory after a full collection, before and after it started that many instances that wait on a task.</summary>
    public static async Task<BenchmarkSection> MemoryAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        await using var engine = await EngineServices.StartAsync(options, null, ct);
        var run = Guid.NewGuid().ToString("N")[..8];
        await LoadRound.RunAsync(20, 1, i => engine.StartAsync($"{run}-w{i}", i, ct));
        var (heapBefore, workingSetBefore) = Measure();
        var round = await LoadRound.RunAsync(options.MemoryInstances, options.Clients, i => engine.StartAsync($"{run}-m{i}", i, ct));
        var (heapAfter, workingSetAfter) = Measure();
        return new BenchmarkSection(PlatformBenchmarkOptions.Memory, "Memory of a node holding waiting instances", new Dictionary<string, double>
        {
            ["waitingInstances"] = options.MemoryInstances,
            ["gcHeapBeforeMb"] = heapBefore,
            ["gcHeapAfterMb"] = heapAfter,
            ["gcHeapGrowthMb"] = heapAfter - heapBefore,
            ["workingSetBeforeMb"] = workingSetBefore,
            ["workingSetAfterMb"] = workingSetAfter,
            ["workingSetGrowthMb"] = workingSetAfter - workingSetBefore,
            ["startsPerSecond"] = round.PerSecond,
        },
        $"This process after a full, compacting collection, before and after {options.MemoryInstances:N0} starts by {options.Clients} clients; the engine keeps waiting instances in the database only.");
    }

    private static (double HeapMb, double WorkingSetMb) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, process.WorkingSet64 / 1048576.0);
    }
}
