using Npgsql;

namespace BusFlow.Storage.Postgres;

/// <summary>
/// A session-level PostgreSQL advisory lock on a connection of its own, held until disposed: nodes
/// that start together take turns at work that must not run twice at once (migrations, schema
/// installs). A node that dies holding it loses its session, and the lock with it.
/// </summary>
public sealed class PostgresAdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private PostgresAdvisoryLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>The connection that holds the lock, for work that may as well run on it.</summary>
    public NpgsqlConnection Connection => _connection;

    /// <summary>Waits for the lock <paramref name="key"/> in the database of <paramref name="connectionString"/>.</summary>
    public static async Task<PostgresAdvisoryLock> TakeAsync(string connectionString, long key, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            take.Parameters.AddWithValue("key", key);
            await take.ExecuteNonQueryAsync(ct);
            return new PostgresAdvisoryLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            release.Parameters.AddWithValue("key", _key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            // Closing the session releases the lock too, should the unlock itself have failed.
            await _connection.DisposeAsync();
        }
    }
}
