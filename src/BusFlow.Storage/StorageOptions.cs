namespace BusFlow.Storage;

/// <summary>Which database holds the workflow tables.</summary>
public sealed class StorageOptions
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><see cref="Sqlite"/> or <see cref="Postgres"/> (case-insensitive).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>A Microsoft.Data.Sqlite or an Npgsql connection string, after <see cref="Provider"/>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/busflow.db";

    /// <summary>
    /// A SQLite database deleted when its run ends (the simulator's): commits are not synced to disk
    /// (synchronous = OFF), since a crash loses the run anyway. Transactions, rollback and constraints
    /// are as always. Never for a database anyone keeps; ignored for PostgreSQL.
    /// </summary>
    public bool Throwaway { get; set; }

    internal bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    internal void Validate()
    {
        if (!IsSqlite && !IsPostgres)
        {
            throw new ArgumentException($"Unknown storage provider '{Provider}': use '{Sqlite}' or '{Postgres}'.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException($"The {Provider} storage needs a connection string.");
        }
    }
}
