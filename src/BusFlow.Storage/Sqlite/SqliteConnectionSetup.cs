using Microsoft.Data.Sqlite;

namespace BusFlow.Storage.Sqlite;

/// <summary>The connection string BusFlow uses for a SQLite database, and what each connection needs first.</summary>
internal sealed class SqliteConnectionSetup
{
    private const int DefaultTimeoutSeconds = 30;

    private readonly bool _throwaway;

    public SqliteConnectionSetup(string connectionString, bool throwaway = false)
    {
        _throwaway = throwaway;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Default Timeout") && !builder.ContainsKey("Command Timeout"))
        {
            builder.DefaultTimeout = DefaultTimeoutSeconds;
        }

        ConnectionString = builder.ToString();
        BusyTimeoutMilliseconds = builder.DefaultTimeout * 1000;
        DatabaseFile = IsFileDatabase(builder) ? Path.GetFullPath(builder.DataSource) : null;
        DatabaseDirectory = DatabaseFile is null ? null : Path.GetDirectoryName(DatabaseFile);
    }

    /// <summary>The database file; null for in-memory databases.</summary>
    public string? DatabaseFile { get; }

    public string ConnectionString { get; }

    /// <summary>How long a connection waits for another writer's lock before giving up.</summary>
    public int BusyTimeoutMilliseconds { get; }

    /// <summary>The folder the database file lives in, created (0700) on first use; null for in-memory databases.</summary>
    public string? DatabaseDirectory { get; }

    /// <summary>
    /// WAL lets readers go on while one writer writes; the busy timeout makes a second writer wait
    /// for the lock instead of failing at once. A throwaway database skips the sync of each commit.
    /// </summary>
    public string InitializationSql => $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL;"
        + (_throwaway ? " PRAGMA synchronous = OFF;" : "");

    private static bool IsFileDatabase(SqliteConnectionStringBuilder builder) =>
        builder.Mode != SqliteOpenMode.Memory
        && !string.IsNullOrEmpty(builder.DataSource)
        && !string.Equals(builder.DataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
        && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
