using System.Data.Common;
using System.Globalization;
using BusFlow.Engine.Persistence;
using BusFlow.Storage;
using Npgsql;

namespace BusFlow.Testing;

/// <summary>
/// A database of its own on the throwaway PostgreSQL server that ./test.sh starts
/// (BUSFLOW_TEST_POSTGRES), dropped on dispose.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "BUSFLOW_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public override string Provider => StorageOptions.Postgres;

    public override string ConnectionString { get; }

    public string Name { get; }

    /// <summary>The server's connection string from <see cref="ServerVariable"/>; throws when it is not set.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "BUSFLOW_TEST_POSTGRES is not set: run ./test.sh, which starts a throwaway PostgreSQL");

    public override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    public static Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default) =>
        CreateOnAsync(ServerConnectionString, cancellationToken);

    /// <summary>A new database on the server of <paramref name="serverConnectionString"/> (e.g. a <see cref="PostgresCluster"/> of a test's own).</summary>
    public static async Task<PostgresTestDatabase> CreateOnAsync(string serverConnectionString, CancellationToken cancellationToken = default)
    {
        var database = new PostgresTestDatabase(serverConnectionString, $"busflow_test_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"", cancellationToken);
        return database;
    }

    protected override async ValueTask DropAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    /// <summary>How many journal lines of a kind the database holds, counted inside the stored batches (ADR 0012).</summary>
    public async Task<long> CountJournalLinesAsync(JournalKind kind, CancellationToken cancellationToken = default) =>
        Convert.ToInt64(
            await ScalarAsync($"SELECT count(*) FROM journal_batches, json_array_elements(lines::json) AS line WHERE line->>'kind' = '{kind}'", cancellationToken),
            CultureInfo.InvariantCulture);

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
