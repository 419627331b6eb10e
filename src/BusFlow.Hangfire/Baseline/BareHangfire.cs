using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace BusFlow.Hangfire.Baseline;

/// <summary>
/// Bare Hangfire on a PostgreSQL database, for the benchmark's baseline: no-op jobs enqueued one by one,
/// then run by a BackgroundJobServer, on a throwaway schema made here and dropped afterwards.
/// </summary>
public static class BareHangfire
{
    public static async Task<BareHangfireRun> RunNoOpJobsAsync(string connectionString, int jobs, int workers, TimeSpan queuePollInterval, CancellationToken ct)
    {
        var schema = $"busflow_benchmark_hangfire_{Guid.NewGuid():N}"[..40];
        var hangfireConnection = new NpgsqlConnectionStringBuilder(connectionString) { Enlist = false, ApplicationName = "busflow-benchmark-hangfire" }.ConnectionString;
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = schema,
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = queuePollInterval,
        };
        try
        {
            var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(hangfireConnection, storageOptions), storageOptions);
            // Hangfire's global filters and activator may be a host's of this process (one ran before, in tests): bare means none of them.
            var filters = new JobFilterCollection();
            var client = new BackgroundJobClient(storage, filters);
            var enqueue = Stopwatch.StartNew();
            for (var i = 0; i < jobs; i++)
            {
                client.Enqueue(() => NoOpJob.Run());
            }

            enqueue.Stop();
            var monitoring = storage.GetMonitoringApi();
            var run = Stopwatch.StartNew();
            using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = workers, ServerName = $"busflow-benchmark-{schema}", FilterProvider = filters, Activator = new JobActivator() }, storage))
            {
                while (monitoring.SucceededListCount() + monitoring.FailedCount() < jobs && run.Elapsed < TimeSpan.FromMinutes(2))
                {
                    await Task.Delay(20, ct);
                }

                run.Stop();
            }

            return new BareHangfireRun(jobs, monitoring.SucceededListCount(), monitoring.FailedCount(), enqueue.Elapsed, run.Elapsed, workers);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }
}
