using BusFlow.Accounts;
using BusFlow.Storage.Postgres;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Storage;

/// <summary>Brings the configured database up to the schema this build expects.</summary>
public static class BusFlowDatabase
{
    /// <summary>BusFlow's key for the migration's advisory lock ("BFMG" in ASCII).</summary>
    private const long MigrationLockKey = 0x42464D47;

    /// <summary>Applies the pending migrations of the provider registered by AddBusFlowStorage.</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        MigrateAsync(services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>(), cancellationToken);

    /// <summary>
    /// Applies the pending migrations of the provider the factory's contexts use. On PostgreSQL under an
    /// advisory lock: nodes started together on an empty database migrate one after the other, and the
    /// later ones find nothing left to do (EF's own check raced, and a column was added twice).
    /// </summary>
    public static async Task MigrateAsync(IDbContextFactory<BusFlowDbContext> contextFactory, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var turn = db is PostgresBusFlowDbContext
            ? await PostgresAdvisoryLock.TakeAsync(db.Database.GetConnectionString()!, MigrationLockKey, cancellationToken)
            : null;
        await db.Database.MigrateAsync(cancellationToken);
        await AddMissingRolesAsync(db, cancellationToken);
    }

    /// <summary>
    /// Closes the pooled connections of a SQLite database, so that its files can be deleted (a
    /// throwaway database, once its run is over). Nothing to do for PostgreSQL.
    /// </summary>
    public static void ReleaseConnections(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsSqlite)
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Sqlite.SqliteConnectionSetup(options.ConnectionString).ConnectionString);
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>
    /// The account roles are part of the schema: made here, under the migration's turn, rather than by
    /// whichever node signs someone in first (two nodes starting together both made them, and one failed).
    /// </summary>
    private static async Task AddMissingRolesAsync(BusFlowDbContext db, CancellationToken ct)
    {
        var present = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in AccountRoles.All.Where(role => !present.Contains(role)))
        {
            // Identity's default normalizer: the name in upper case, invariantly.
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        await db.SaveChangesAsync(ct);
    }
}
