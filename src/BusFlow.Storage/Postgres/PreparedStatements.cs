using System.Data.Common;
using Npgsql;

namespace BusFlow.Storage.Postgres;

/// <summary>
/// Npgsql's automatic preparation, on unless the connection string says otherwise. The engine runs
/// the same few dozen statements over and over; prepared, PostgreSQL parses and plans each once per
/// connection instead of on every call, which was most of the database's work per step: the
/// benchmark's three-step instances went from 196/s to 351/s with four clients.
/// </summary>
internal static class PreparedStatements
{
    /// <summary>How many statements each connection keeps prepared: the engine's and the pages' most used.</summary>
    public const int MaxPerConnection = 200;

    /// <summary>
    /// The connection string with automatic preparation unless it sets <c>Max Auto Prepare</c> itself
    /// (<c>Max Auto Prepare=0</c> turns it off, for a pooler in transaction mode that cannot keep
    /// prepared statements).
    /// </summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxPerConnection, AutoPrepareMinUsages = 2 }.ConnectionString;
    }
}
