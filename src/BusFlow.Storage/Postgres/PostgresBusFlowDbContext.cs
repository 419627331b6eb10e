using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace BusFlow.Storage.Postgres;

public sealed class PostgresBusFlowDbContext(DbContextOptions<PostgresBusFlowDbContext> options) : BusFlowDbContext(options)
{
    /// <summary>Configures <paramref name="builder"/> for the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseNpgsql(connectionString);
        ConfigureCommon(builder);
    }

    /// <summary>
    /// Read committed: a row changed by another transaction since it was loaded fails the
    /// version check of the update and surfaces as a conflict to retry.
    /// </summary>
    internal override Task<IDbContextTransaction> BeginSessionTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    internal override bool IsLostRace(DbUpdateException exception) =>
        exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        };
}
