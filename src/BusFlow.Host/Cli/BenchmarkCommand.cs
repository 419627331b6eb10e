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
        return command;
    }

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
