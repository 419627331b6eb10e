using System.Data.Common;
using Npgsql;

namespace BusFlow.Storage.Postgres;

/// <summary>
/// What BusFlow's own connections ask of Npgsql, each unless the connection string sets it itself:
/// <list type="bullet">
/// <item>automatic preparation: the engine runs the same few dozen statements over and over;
/// prepared, PostgreSQL parses and plans each once per connection instead of on every call, which
/// was most of the database's work per step (three-step instances 44 → 126/s with one client);
/// <c>Max Auto Prepare=0</c> turns it off, for a pooler in transaction mode that cannot keep
/// prepared statements;</item>
/// <item>no reset when a connection goes back to the pool: BusFlow's contexts leave no session state
/// behind (no SET, no temporary table, no advisory lock — those take a connection of their own,
/// <see cref="PostgresAdvisoryLock"/>), so the reset's seven statements per transaction buy nothing.</item>
/// </list>
/// </summary>
internal static class ConnectionTuning
{
    /// <summary>How many statements each connection keeps prepared: the engine's and the pages' most used.</summary>
    public const int MaxPreparedPerConnection = 200;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = MaxPreparedPerConnection;
            tuned.AutoPrepareMinUsages = keys.Contains("AutoPrepareMinUsages") ? tuned.AutoPrepareMinUsages : 2;
        }

        if (!keys.Contains("NoResetOnClose"))
        {
            tuned.NoResetOnClose = true;
        }

        return tuned.ConnectionString;
    }
}
