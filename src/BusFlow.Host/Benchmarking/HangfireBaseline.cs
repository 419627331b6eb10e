using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// Bare Hangfire on the same PostgreSQL: no-op jobs enqueued, then run by a BackgroundJobServer with
/// the host's worker count, on a throwaway schema made here and dropped afterwards.
/// </summary>
internal static class HangfireBaseline
{
    public static async Task<BenchmarkSection> RunAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        const string Title = "Hangfire baseline: no-op jobs on the same storage";
        if (!options.Storage.UsesPostgres())
        {
            return BenchmarkSection.Skip(PlatformBenchmarkOptions.Hangfire, Title, "skipped: Hangfire.PostgreSql needs --provider Postgres");
        }

        var schema = $"busflow_benchmark_hangfire_{Guid.NewGuid():N}"[..40];
        var connectionString = new NpgsqlConnectionStringBuilder(options.Storage.ConnectionString) { Enlist = false, ApplicationName = "busflow-benchmark-hangfire" }.ConnectionString;
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = schema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = options.JobPolling ?? TimeSpan.FromSeconds(15),
        };
        var workers = Math.Min(Environment.ProcessorCount * 5, 20);
        try
        {
            var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
            // Hangfire's global filters and activator may be a host's of this process (one ran before, in tests): bare means none of them.
            var filters = new JobFilterCollection();
            var client = new BackgroundJobClient(storage, filters);
            var enqueue = Stopwatch.StartNew();
            for (var i = 0; i < options.HangfireJobs; i++)
            {
                client.Enqueue(() => BenchmarkNoOpJob.Run());
            }

            enqueue.Stop();
            var monitoring = storage.GetMonitoringApi();
            var run = Stopwatch.StartNew();
            using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = workers, ServerName = $"busflow-benchmark-{schema}", FilterProvider = filters, Activator = new JobActivator() }, storage))
            {
                while (monitoring.SucceededListCount() + monitoring.FailedCount() < options.HangfireJobs && run.Elapsed < TimeSpan.FromMinutes(2))
                {
                    await Task.Delay(20, ct);
                }

                run.Stop();
            }

            var succeeded = monitoring.SucceededListCount();
            return new BenchmarkSection(PlatformBenchmarkOptions.Hangfire, Title, new Dictionary<string, double>
            {
                ["jobs"] = options.HangfireJobs,
                ["succeeded"] = succeeded,
                ["failed"] = monitoring.FailedCount(),
                ["enqueuedPerSecond"] = options.HangfireJobs / enqueue.Elapsed.TotalSeconds,
                ["jobsPerSecond"] = succeeded / run.Elapsed.TotalSeconds,
                ["workers"] = workers,
            },
            $"{options.HangfireJobs} no-op jobs enqueued one by one, then run by a BackgroundJobServer with {workers} workers (the host's count) until all succeeded; Hangfire.PostgreSql on a throwaway schema.");
        }
        finally
        {
            await using var connection = new NpgsqlConnection(options.Storage.ConnectionString);
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }
}
