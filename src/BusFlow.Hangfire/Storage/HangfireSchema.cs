using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BusFlow.Hangfire.Storage;

/// <summary>
/// Installs or upgrades Hangfire's tables in PostgreSQL, as part of the migration (`busflow migrate`
/// and the start of `busflow serve`), under an advisory lock: nodes started together on an empty
/// database take turns, and the later ones find the schema in place.
/// </summary>
public static class HangfireSchema
{
    /// <summary>An arbitrary key of BusFlow's own for pg_advisory_lock ("BFHF" in ASCII).</summary>
    private const long LockKey = 0x42464846;

    /// <summary>Does nothing when the jobs are kept in memory.</summary>
    public static async Task InstallAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<JobOptions>();
        if (!options.IsPostgreSql)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(HangfireStorageFactory.HangfireConnectionString(HangfireStorageFactory.ConnectionString(options, services)));
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            PostgreSqlObjectsInstaller.Install(connection, HangfireStorageFactory.Schema);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
