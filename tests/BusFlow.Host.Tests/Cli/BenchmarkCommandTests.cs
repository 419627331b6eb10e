using System.Text.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;
using BusFlow.Storage;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

public sealed class BenchmarkCommandTests
{
    [Fact]
    public async Task The_benchmark_runs_every_instance_to_completion_and_prints_a_figure_per_operation()
    {
        var run = await CliRun.RunAsync(["benchmark", "operations", "--instances", "5"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("BusFlow benchmark: Sqlite, 5 instances", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(5, run.OutputLines.Count(l => l.Contains(" /s ", StringComparison.Ordinal)));
        Assert.Contains(run.OutputLines, l => l.TrimStart().StartsWith("instances page (count, 50 newest, filters)", StringComparison.Ordinal));
        // Each instance journals 16 rows: its start, three activities, the task and the timer, and its end.
        Assert.Contains("5 of 5 instances completed; 80 journal entries written; 0 task mails with links in the outbox", run.OutputLines);
    }

    [Fact]
    public async Task With_templates_every_start_also_writes_its_task_mail()
    {
        var run = await CliRun.RunAsync(["benchmark", "operations", "--instances", "5", "--templates", Path.Combine(BusFlow.Testing.RepositoryRoot.Path, "templates")]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 of 5 instances completed; 80 journal entries written; 5 task mails with links in the outbox", run.OutputLines);
    }

    [Fact]
    public async Task One_run_prints_the_table_with_the_targets_and_writes_every_section_to_json()
    {
        var json = Path.Combine(Path.GetTempPath(), $"busflow-benchmark-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CliRun.RunAsync([.. Tiny(json)]);

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.StartsWith("BusFlow benchmark, ", run.OutputLines[0], StringComparison.Ordinal);
            Assert.Contains("Targets (issue 15)", run.OutputLines);
            Assert.Contains(run.OutputLines, l => l.StartsWith("three-step instances in-process ≥ 350/s", StringComparison.Ordinal));
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = report.RootElement;
            Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("cores").GetInt32());
            Assert.StartsWith("SQLite ", root.GetProperty("machine").GetProperty("databaseVersion").GetString(), StringComparison.Ordinal);
            var sections = root.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
            Assert.Equal(["commits", "engine", "hangfire", "http", "mail", "memory", "national", "preview"], sections.Keys.Order(StringComparer.Ordinal));
            Assert.Contains("--provider Postgres", sections["hangfire"].GetProperty("skipped").GetString(), StringComparison.Ordinal);

            var engine = Figures(sections["engine"]);
            Assert.True(engine["instancesPerSecond"] > 0 && engine["concurrentInstancesPerSecond"] > 0);
            Assert.Equal(16, engine["journalLinesPerInstance"]);
            Assert.True(engine["cpuMsPerInstance"] > 0 && engine["allocatedKbPerInstance"] > 0);
            Assert.InRange(engine["warmUpInstances"], 1, 30);
            Assert.Contains("jitMsInRound", engine.Keys);
            Assert.DoesNotContain("replayedInstancesPerSecond", engine.Keys);
            var http = Figures(sections["http"]);
            Assert.True(http["instancesPerSecond"] > 0 && http["answerP99Ms"] >= http["answerP50Ms"]);
            Assert.Equal(http["answersAsked"], http["nextTasksFound"]);
            Assert.Contains("jitMsDuringAnswers", http.Keys);
            Assert.Equal(6, http["timers"]);
            Assert.Equal(http["timers"], http["timersFired"]);
            Assert.True(Figures(sections["commits"])["commitsPerSecond"] > 0);
            var mail = Figures(sections["mail"]);
            Assert.True(mail["sent"] >= 3 && mail["failed"] == 0, $"sent {mail["sent"]}, failed {mail["failed"]}");
            Assert.True(Figures(sections["memory"])["gcHeapAfterMb"] > 0);
            var national = Figures(sections["national"]);
            Assert.Equal(2, national["municipalities"]);
            Assert.True(national["events"] > 0 && national["eventsPerSecond"] > 0);
            var preview = Figures(sections["preview"]);
            Assert.True(preview["medianMs"] > 0 && preview["events"] > 0, $"preview {preview["medianMs"]} ms, {preview["events"]} events");
            Assert.Equal(13, root.GetProperty("targets").GetArrayLength());
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task On_postgres_the_run_measures_the_commit_rate_bare_hangfire_and_the_engines_own_statements_replayed_beside_the_engine()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var json = Path.Combine(Path.GetTempPath(), $"busflow-benchmark-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CliRun.RunAsync([.. Tiny(json), "--provider", "Postgres", "--connection", database.ConnectionString, "--skip", "http", "mail", "memory", "national", "preview"]);

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var sections = report.RootElement.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
            Assert.StartsWith("PostgreSQL ", report.RootElement.GetProperty("machine").GetProperty("databaseVersion").GetString(), StringComparison.Ordinal);
            var commits = Figures(sections["commits"]);
            Assert.True(commits["commitsPerSecond"] > 0 && commits["concurrentCommitsPerSecond"] > 0);
            var hangfire = Figures(sections["hangfire"]);
            Assert.Equal(5, hangfire["succeeded"]);
            Assert.True(hangfire["jobsPerSecond"] > 0);
            var engine = Figures(sections["engine"]);
            Assert.Equal(16, engine["journalLinesPerInstance"]);
            Assert.Equal(7, engine["commandsPerInstance"]);
            Assert.Equal(3, engine["transactionsPerInstance"]);
            Assert.True(engine["replayedInstancesPerSecond"] > 0 && engine["replayCpuMsPerInstance"] > 0 && engine["concurrentReplayedInstancesPerSecond"] > 0);
            Assert.Contains(run.OutputLines, l => l.StartsWith("engine ÷ its own statements replayed without it", StringComparison.Ordinal) && l.Contains("of the 1-connection commit rate", StringComparison.Ordinal));
            Assert.Contains(run.OutputLines, l => l.StartsWith("… with concurrency  ", StringComparison.Ordinal) && l.Contains("of the N-connection commit rate", StringComparison.Ordinal));
            Assert.Equal("skipped: --skip national", sections["national"].GetProperty("skipped").GetString());
            Assert.Contains(run.OutputLines, l => l.StartsWith("engine vs bare Hangfire", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(json);
        }
    }

    private static string[] Tiny(string json) =>
    [
        "benchmark", "-n", "3", "--clients", "2", "--json", json,
        "--answers-per-second", "5", "--latency-seconds", "1", "--timer-seconds", "1", "--job-polling", "1",
        "--commit-seconds", "1", "--hangfire-jobs", "5", "--mails", "3", "--memory-instances", "5",
        "--municipalities", "2", "--years", "1", "--preview-runs", "1",
        "--workflows", Path.Combine(RepositoryRoot.Path, "workflows"), "--templates", Path.Combine(RepositoryRoot.Path, "templates"),
        "--setup", Path.Combine(RepositoryRoot.Path, "examples", "exempelby-demo.yaml"),
    ];

    private static Dictionary<string, double> Figures(JsonElement section) =>
        section.GetProperty("figures").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetDouble());

    [Fact]
    public async Task The_replay_records_only_the_engines_own_statements_and_leaves_other_work_in_the_process_alone()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var other = await TestDatabase.CreateAsync(StorageOptions.Sqlite);
        var store = await other.CreateStoreAsync();
        var json = Path.Combine(Path.GetTempPath(), $"busflow-benchmark-{Guid.NewGuid():N}.json");
        try
        {
            var benchmark = CliRun.RunAsync([.. Tiny(json), "--provider", "Postgres", "--connection", database.ConnectionString, "--skip", "commits", "hangfire", "http", "mail", "memory", "national", "preview"]);
            var reads = 0;
            while (!benchmark.IsCompleted)
            {
                // A query with a parameter, on another database, all through the recording.
                await using var session = await store.BeginAsync();
                Assert.Empty(await session.ListInstancesAsync(new InstanceQuery(DefinitionId: "another-process-part"), default));
                reads++;
            }

            var run = await benchmark;
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.True(reads > 0);
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var engine = Figures(report.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "engine"));
            Assert.Equal(7, engine["commandsPerInstance"]);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_a_clear_error()
    {
        var run = await CliRun.RunAsync(["benchmark", "--provider", "Postgres"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--connection is required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_view_benchmark_signs_in_and_prints_a_timing_for_every_page_before_and_after_more_instances()
    {
        var run = await CliRun.RunAsync(["benchmark", "views", "--instances", "20", "--repeats", "2", "--workflows", Path.Combine(BusFlow.Testing.RepositoryRoot.Path, "workflows")]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith("BusFlow view benchmark: Sqlite", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains(run.OutputLines, l => l.Contains("with 20 more instances", StringComparison.Ordinal));
        var timings = run.OutputLines.Where(l => l.Contains(" p95 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, timings.Count);
        Assert.DoesNotContain(timings, l => l.Contains("answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_view_benchmark_refuses_no_repeats_with_a_clear_error()
    {
        var run = await CliRun.RunAsync(["benchmark", "views", "--repeats", "0"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--repeats at least 1", run.Error, StringComparison.Ordinal);
    }
}
