using BusFlow.Storage.Postgres;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

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

        await using var turn = await PostgresAdvisoryLock.TakeAsync(
            HangfireStorageFactory.HangfireConnectionString(HangfireStorageFactory.ConnectionString(options, services)), LockKey, ct);
        PostgreSqlObjectsInstaller.Install(turn.Connection, HangfireStorageFactory.Schema);
    }
}
