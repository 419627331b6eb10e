using System.CommandLine;
using System.Globalization;
using BusFlow.Host.Benchmarking;
using BusFlow.Storage;
using Microsoft.Data.Sqlite;

namespace BusFlow.Host.Cli;

/// <summary>`busflow benchmark`: the engine next to PostgreSQL and Hangfire in one run, as a table and JSON; `operations` and `views` time the parts.</summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var instances = new Option<int>("--instances", "-n") { Description = "How many three-step instances each engine round runs (in-process and over HTTP, one client and several).", DefaultValueFactory = _ => 500 };
        var provider = new Option<string>("--provider") { Description = "Sqlite (a throwaway file) or Postgres.", DefaultValueFactory = _ => StorageOptions.Sqlite };
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL connection string (with --provider Postgres); benchmark rows are left in that database, its baseline table and Hangfire schema are dropped." };
        var templates = new Option<string?>("--templates") { Description = "The templates folder: each start then also writes its task mail, as a server does. Default: ./templates when there is one." };
        var json = new Option<string?>("--json") { Description = "Also write every figure, the machine and the targets to this JSON file." };
        var skip = new Option<string[]>("--skip") { Description = $"Parts not to run: {string.Join(", ", PlatformBenchmarkOptions.Parts)}.", AllowMultipleArgumentsPerToken = true };
        skip.AcceptOnlyFromAmong([.. PlatformBenchmarkOptions.Parts]);
        var clients = new Option<int>("--clients") { Description = "Clients at once in the concurrent rounds, and connections in the commit baseline.", DefaultValueFactory = _ => 4 };
        var rate = new Option<double>("--answers-per-second") { Description = "The rate answers are sent at while their latency is measured.", DefaultValueFactory = _ => 50 };
        var latencySeconds = new Option<int>("--latency-seconds") { Description = "How long answers are sent at that rate.", DefaultValueFactory = _ => 10 };
        var timerSeconds = new Option<int>("--timer-seconds") { Description = "How long after its answer an HTTP instance's timer is due.", DefaultValueFactory = _ => 2 };
        var jobPolling = new Option<double?>("--job-polling") { Description = "The host's Hangfire polling interval in seconds (default: the host's own)." };
        var commitSeconds = new Option<int>("--commit-seconds") { Description = "How long each commit baseline runs.", DefaultValueFactory = _ => 3 };
        var hangfireJobs = new Option<int>("--hangfire-jobs") { Description = "How many no-op jobs bare Hangfire runs.", DefaultValueFactory = _ => 1000 };
        var mails = new Option<int>("--mails") { Description = "How many task mails are delivered to the local SMTP server.", DefaultValueFactory = _ => 500 };
        var memoryInstances = new Option<int>("--memory-instances") { Description = "How many waiting instances the node's memory is measured with.", DefaultValueFactory = _ => 10_000 };
        var municipalities = new Option<int>("--municipalities") { Description = "How many municipalities of the demo's shape the national simulation runs (the country has 290).", DefaultValueFactory = _ => 3 };
        var years = new Option<int>("--years") { Description = "How many years the national simulation runs from 2026 (a mandate: 4).", DefaultValueFactory = _ => 4 };
        var setup = new Option<string>("--setup") { Description = "The setup each simulated municipality copies.", DefaultValueFactory = _ => BusFlow.Bus.Demo.DemoMunicipality.File };
        var previewRuns = new Option<int>("--preview-runs") { Description = "How many times the designer's preview of one agreement's year is timed (after one run to warm up).", DefaultValueFactory = _ => 5 };
        var workflows = new Option<string>("--workflows") { Description = "The workflows folder the national simulation publishes.", DefaultValueFactory = _ => "workflows" };
        var command = new Command("benchmark", "Measures the engine next to the platform beneath it in one run: three-step instances in-process and over HTTP, PostgreSQL's commit rate and bare Hangfire as baselines, answer latency, timer lateness, mail, memory, the national simulation and the designer's preview; prints a table with the targets and writes JSON.")
        {
            instances, provider, connection, templates, json, skip, clients, rate, latencySeconds, timerSeconds, jobPolling, commitSeconds, hangfireJobs, mails, memoryInstances, municipalities, years, setup, workflows, previewRuns,
        };
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            int[] counts = [parse.GetValue(instances), parse.GetValue(clients), parse.GetValue(latencySeconds), parse.GetValue(timerSeconds), parse.GetValue(commitSeconds), parse.GetValue(hangfireJobs), parse.GetValue(mails), parse.GetValue(memoryInstances), parse.GetValue(municipalities), parse.GetValue(years), parse.GetValue(previewRuns)];
            if (counts.Any(c => c < 1) || parse.GetValue(rate) <= 0 || parse.GetValue(jobPolling) is <= 0)
            {
                await parse.Error().WriteLineAsync("busflow: every count, rate and duration of the benchmark must be at least 1 (the polling interval above 0).");
                return 1;
            }

            var templatesFolder = parse.GetValue(templates) ?? (Directory.Exists(BusFlow.Host.Configuration.BusFlowSettings.DefaultTemplatesFolder) ? BusFlow.Host.Configuration.BusFlowSettings.DefaultTemplatesFolder : null);
            if (templatesFolder is not null && !Directory.Exists(templatesFolder))
            {
                await parse.Error().WriteLineAsync($"busflow: no templates folder at {templatesFolder}.");
                return 1;
            }

            var folder = Path.Combine(Path.GetTempPath(), $"busflow-benchmark-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            try
            {
                var options = new PlatformBenchmarkOptions(Storage(parse, provider, connection, folder), parse.GetValue(instances))
                {
                    Clients = parse.GetValue(clients),
                    TemplatesFolder = templatesFolder,
                    Skip = (parse.GetValue(skip) ?? []).ToHashSet(StringComparer.Ordinal),
                    AnswersPerSecond = parse.GetValue(rate),
                    LatencySeconds = parse.GetValue(latencySeconds),
                    TimerSeconds = parse.GetValue(timerSeconds),
                    JobPolling = parse.GetValue(jobPolling) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    CommitSeconds = parse.GetValue(commitSeconds),
                    HangfireJobs = parse.GetValue(hangfireJobs),
                    Mails = parse.GetValue(mails),
                    MemoryInstances = parse.GetValue(memoryInstances),
                    Municipalities = parse.GetValue(municipalities),
                    Years = parse.GetValue(years),
                    SetupFile = parse.GetValue(setup)!,
                    WorkflowsFolder = parse.GetValue(workflows)!,
                    PreviewRuns = parse.GetValue(previewRuns),
                };
                var report = await PlatformBenchmark.RunAsync(options, line => parse.Error().WriteLineAsync(line), ct);
                await PlatformBenchmark.PrintAsync(parse.Out(), report);
                if (parse.GetValue(json) is { } jsonFile)
                {
                    await File.WriteAllTextAsync(jsonFile, PlatformBenchmark.ToJson(report), ct);
                }

                return 0;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }));
        command.Subcommands.Add(OperationsCommand());
        command.Subcommands.Add(ViewsCommand());
        return command;
    }

    private static StorageOptions Storage(ParseResult parse, Option<string> provider, Option<string?> connection, string folder) =>
        string.Equals(parse.GetValue(provider), StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase)
            ? new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = parse.GetValue(connection) ?? throw new ArgumentException("--connection is required with --provider Postgres.") }
            : new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "benchmark.db") }.ToString() };

    /// <summary>`busflow benchmark operations`: each of the engine's operations on its own, and the pages' queries over all the instances.</summary>
    private static Command OperationsCommand()
    {
        var instances = new Option<int>("--instances", "-n") { Description = "How many instances to run through.", DefaultValueFactory = _ => 1000 };
        var provider = new Option<string>("--provider") { Description = "Sqlite (a throwaway file) or Postgres.", DefaultValueFactory = _ => StorageOptions.Sqlite };
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL connection string (with --provider Postgres); benchmark rows are left in that database." };
        var templates = new Option<string?>("--templates") { Description = "A templates folder: each start then also writes the task mail to the outbox with the assignee's link and code, as a server does." };
        var command = new Command("operations", "Measures how fast the engine starts instances, takes answers and fires timers, each on its own, and what the instance pages' queries take over them.")
        {
            instances, provider, connection, templates,
        };
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            var count = parse.GetValue(instances);
            if (count < 1)
            {
                await parse.Error().WriteLineAsync("busflow: --instances must be at least 1.");
                return 1;
            }

            var folder = Path.Combine(Path.GetTempPath(), $"busflow-benchmark-{Guid.NewGuid():N}");
            try
            {
                var storage = Storage(parse, provider, connection, folder);
                var templatesFolder = parse.GetValue(templates);
                if (templatesFolder is not null && !Directory.Exists(templatesFolder))
                {
                    await parse.Error().WriteLineAsync($"busflow: no templates folder at {templatesFolder}.");
                    return 1;
                }

                var result = await WorkflowBenchmark.RunAsync(storage, count, ct, templatesFolder);
                await Print(parse.Out(), result);
                return result.CompletedInstances == count ? 0 : 1;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }));
        return command;
    }

    /// <summary>`busflow benchmark views`: times the pages people read, with the demo's data and with many more instances.</summary>
    private static Command ViewsCommand()
    {
        var extra = new Option<int>("--instances", "-n") { Description = "How many more instances to add before the second round of timings (0: none).", DefaultValueFactory = _ => 10_000 };
        var repeats = new Option<int>("--repeats") { Description = "How many times each page is asked for, after one warm-up.", DefaultValueFactory = _ => 20 };
        var provider = new Option<string>("--provider") { Description = "Sqlite (a throwaway file) or Postgres.", DefaultValueFactory = _ => StorageOptions.Sqlite };
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL connection string (with --provider Postgres): use an empty database; its rows are left there." };
        var previewRuns = new Option<int>("--preview-runs") { Description = "How many times the designer's preview of one agreement's year is timed (after one run to warm up).", DefaultValueFactory = _ => 5 };
        var workflows = new Option<string>("--workflows") { Description = "The workflows folder the host publishes.", DefaultValueFactory = _ => "workflows" };
        var command = new Command("views", "Times the status board, the annual wheel, the instances and what is coming over HTTP on a running host: with the demo after a simulated year and a half, then with more instances.")
        {
            extra, repeats, provider, connection, workflows,
        };
        command.SetAction((parse, ct) => CommandOutput.GuardAsync(parse, async () =>
        {
            if (parse.GetValue(extra) < 0 || parse.GetValue(repeats) < 1)
            {
                await parse.Error().WriteLineAsync("busflow: --instances must be 0 or more and --repeats at least 1.");
                return 1;
            }

            var folder = Path.Combine(Path.GetTempPath(), $"busflow-benchmark-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            try
            {
                var storage = Storage(parse, provider, connection, folder);
                var stages = await ViewBenchmark.RunAsync(storage, parse.GetValue(workflows)!, parse.GetValue(extra), parse.GetValue(repeats), ct);
                await PrintViews(parse.Out(), storage.Provider, stages);
                return stages.SelectMany(s => s.Views).All(v => v.StatusCode == 200) ? 0 : 1;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }));
        return command;
    }

    private static async Task PrintViews(TextWriter output, string provider, IReadOnlyList<ViewStage> stages)
    {
        var culture = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"BusFlow view benchmark: {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}; goal: every page under {ViewGoalMilliseconds} ms");
        foreach (var stage in stages)
        {
            await output.WriteLineAsync($"  {stage.Name} ({stage.Instances:N0} instances in the database)");
            foreach (var view in stage.Views)
            {
                var verdict = view.StatusCode != 200 ? $"answered {view.StatusCode}" : view.P95Milliseconds < ViewGoalMilliseconds ? "within goal" : "OVER GOAL";
                await output.WriteLineAsync(string.Format(culture, "    {0,-28} p50 {1,7:F1} ms   p95 {2,7:F1} ms   max {3,7:F1} ms   {4}", view.View, view.P50Milliseconds, view.P95Milliseconds, view.MaxMilliseconds, verdict));
            }
        }
    }

    private const int ViewGoalMilliseconds = 200;

    private static async Task Print(TextWriter output, BenchmarkResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"BusFlow benchmark: {result.Provider}, {result.Instances} instances, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var phase in result.Phases)
        {
            await output.WriteLineAsync(string.Format(culture, "  {0,-46} {1,8:F0} /s   p50 {2,6:F2} ms   p95 {3,6:F2} ms", phase.Name, phase.PerSecond, phase.P50Milliseconds, phase.P95Milliseconds));
        }

        await output.WriteLineAsync($"  {result.CompletedInstances} of {result.Instances} instances completed; {result.JournalEntries} journal entries written; {result.MailsWritten} task mails with links in the outbox");
    }
}
