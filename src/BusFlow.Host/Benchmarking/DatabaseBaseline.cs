using System.Data.Common;
using System.Diagnostics;
using BusFlow.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// What the database itself allows on the same connection settings: single-row commits (BEGIN, one
/// INSERT, COMMIT) on one connection and on several at once, into a table of its own that is dropped
/// afterwards; and the machine facts that bound every figure (version, fsync, synchronous commit).
/// </summary>
internal static class DatabaseBaseline
{
    public static async Task<MachineFacts> FactsAsync(StorageOptions storage, CancellationToken ct)
    {
        await using var connection = Open(storage);
        await connection.OpenAsync(ct);
        string version, durability;
        if (storage.UsesPostgres())
        {
            version = "PostgreSQL " + await ScalarAsync(connection, "SHOW server_version", ct);
            durability = $"fsync={await ScalarAsync(connection, "SHOW fsync", ct)}, synchronous_commit={await ScalarAsync(connection, "SHOW synchronous_commit", ct)}, host={new NpgsqlConnectionStringBuilder(storage.ConnectionString).Host}";
        }
        else
        {
            version = "SQLite " + await ScalarAsync(connection, "SELECT sqlite_version()", ct);
            durability = $"journal_mode={await ScalarAsync(connection, "PRAGMA journal_mode", ct)}, synchronous={await ScalarAsync(connection, "PRAGMA synchronous", ct)}";
        }

        return new MachineFacts(Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription, $".NET {Environment.Version}", storage.Provider, version, durability, DateTimeOffset.UtcNow)
        {
            LoadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg", ct)).Split(' ').Take(3)) : "",
        };
    }

    public static async Task<BenchmarkSection> CommitsAsync(PlatformBenchmarkOptions options, CancellationToken ct)
    {
        var table = $"busflow_benchmark_commits_{Guid.NewGuid():N}"[..40];
        var storage = options.Storage;
        await ExecuteAsync(storage, storage.UsesPostgres()
            ? $"CREATE TABLE {table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)"
            : $"CREATE TABLE {table} (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, payload TEXT NOT NULL)", ct);
        try
        {
            var duration = TimeSpan.FromSeconds(options.CommitSeconds);
            var one = await CommitForAsync(storage, table, 1, duration, ct);
            var several = await CommitForAsync(storage, table, options.Clients, duration, ct);
            return new BenchmarkSection(PlatformBenchmarkOptions.Commits, "Database baseline: single-row commits", new Dictionary<string, double>
            {
                ["commitsPerSecond"] = one,
                ["concurrentConnections"] = options.Clients,
                ["concurrentCommitsPerSecond"] = several,
            },
            $"BEGIN; one INSERT; COMMIT, for {options.CommitSeconds} s on one connection, then on {options.Clients} at once, with the benchmark's connection string.");
        }
        finally
        {
            await ExecuteAsync(storage, $"DROP TABLE {table}", ct);
        }
    }

    private static async Task<double> CommitForAsync(StorageOptions storage, string table, int connections, TimeSpan duration, CancellationToken ct)
    {
        var commits = 0L;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            await using var connection = Open(storage);
            await connection.OpenAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {table} (payload) VALUES ('benchmark')";
            while (watch.Elapsed < duration)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
                Interlocked.Increment(ref commits);
            }
        }, ct)));
        return commits / watch.Elapsed.TotalSeconds;
    }

    private static DbConnection Open(StorageOptions storage) =>
        storage.UsesPostgres() ? new NpgsqlConnection(storage.ConnectionString) : new SqliteConnection(storage.ConnectionString);

    private static async Task ExecuteAsync(StorageOptions storage, string sql, CancellationToken ct)
    {
        await using var connection = Open(storage);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
