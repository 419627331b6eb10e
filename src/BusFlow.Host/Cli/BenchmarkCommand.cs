using System.CommandLine;
using System.Globalization;
using BusFlow.Host.Benchmarking;
using BusFlow.Storage;
using Microsoft.Data.Sqlite;

namespace BusFlow.Host.Cli;

/// <summary>`busflow benchmark`: measures start, answer and timer throughput on a real database and prints the figures.</summary>
internal static class BenchmarkCommand
{
    public static Command Create()
    {
        var instances = new Option<int>("--instances", "-n") { Description = "How many instances to run through.", DefaultValueFactory = _ => 1000 };
        var provider = new Option<string>("--provider") { Description = "Sqlite (a throwaway file) or Postgres.", DefaultValueFactory = _ => StorageOptions.Sqlite };
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL connection string (with --provider Postgres); benchmark rows are left in that database." };
        var templates = new Option<string?>("--templates") { Description = "A templates folder: each start then also writes the task mail to the outbox with the assignee's link and code, as a server does." };
        var command = new Command("benchmark", "Measures how fast the engine starts instances, takes answers and fires timers on a real database, and prints the figures.")
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
                var storage = string.Equals(parse.GetValue(provider), StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase)
                    ? new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = parse.GetValue(connection) ?? throw new ArgumentException("--connection is required with --provider Postgres.") }
                    : new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "benchmark.db") }.ToString() };
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
        command.Subcommands.Add(ViewsCommand());
        return command;
    }

    /// <summary>`busflow benchmark views`: times the pages people read, with the demo's data and with many more instances.</summary>
    private static Command ViewsCommand()
    {
        var extra = new Option<int>("--instances", "-n") { Description = "How many more instances to add before the second round of timings (0: none).", DefaultValueFactory = _ => 10_000 };
        var repeats = new Option<int>("--repeats") { Description = "How many times each page is asked for, after one warm-up.", DefaultValueFactory = _ => 20 };
        var provider = new Option<string>("--provider") { Description = "Sqlite (a throwaway file) or Postgres.", DefaultValueFactory = _ => StorageOptions.Sqlite };
        var connection = new Option<string?>("--connection") { Description = "The PostgreSQL connection string (with --provider Postgres): use an empty database; its rows are left there." };
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
                var storage = string.Equals(parse.GetValue(provider), StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase)
                    ? new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = parse.GetValue(connection) ?? throw new ArgumentException("--connection is required with --provider Postgres.") }
                    : new StorageOptions { Provider = StorageOptions.Sqlite, ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "views.db") }.ToString() };
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
