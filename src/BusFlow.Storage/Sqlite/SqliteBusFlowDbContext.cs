using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BusFlow.Storage.Sqlite;

public sealed class SqliteBusFlowDbContext(DbContextOptions<SqliteBusFlowDbContext> options) : BusFlowDbContext(options)
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Configures <paramref name="builder"/> for the SQLite database of <paramref name="connectionString"/>.</summary>
    /// <param name="throwaway">The database is deleted after its run: commits need not reach the disk (<see cref="StorageOptions.Throwaway"/>).</param>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString, bool throwaway = false)
    {
        var connection = new SqliteConnectionSetup(connectionString, throwaway);
        builder.UseSqlite(connection.ConnectionString)
            .AddInterceptors(new SqliteConnectionInterceptor(connection));
        ConfigureCommon(builder);
    }

    /// <summary>
    /// Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken at the start, so
    /// writers queue up behind each other instead of one failing later on a stale snapshot.
    /// </summary>
    internal override Task<IDbContextTransaction> BeginSessionTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(cancellationToken);

    internal override bool IsLostRace(DbUpdateException exception) =>
        exception.InnerException is SqliteException
        {
            SqliteErrorCode: SqliteConstraint,
            SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        };
}
