using System.Data;
using BusFlow.Engine.Persistence;
using BusFlow.Notifications.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Npgsql;

namespace BusFlow.Storage.Postgres;

public sealed class PostgresBusFlowDbContext(DbContextOptions<PostgresBusFlowDbContext> options) : BusFlowDbContext(options)
{
    /// <summary>
    /// Configures <paramref name="builder"/> for the PostgreSQL database of <paramref name="connectionString"/>,
    /// tuned for the engine (<see cref="ConnectionTuning"/>).
    /// </summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseNpgsql(ConnectionTuning.Apply(connectionString));
        ConfigureCommon(builder);
    }

    /// <summary>
    /// Read committed: a row changed by another transaction since it was loaded fails the
    /// version check of the update and surfaces as a conflict to retry.
    /// </summary>
    internal override Task<IDbContextTransaction> BeginSessionTransactionAsync(CancellationToken cancellationToken) =>
        Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>
    /// FOR UPDATE SKIP LOCKED: sweeps on several nodes each take a different timer instead of queueing
    /// behind, or conflicting on, the same one. EF has no LINQ for row locks, hence the SQL.
    /// </summary>
    internal override async Task<Guid?> ClaimDueTimerIdAsync(Instant dueBy, CancellationToken ct) =>
        (await Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM timers
            WHERE status = {nameof(TimerStatus.Pending)} AND due_at <= {dueBy.ToDateTimeUtc()}
            ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct)).Select(id => (Guid?)id).FirstOrDefault();

    /// <summary>FOR UPDATE SKIP LOCKED, as for timers: deliveries on several nodes each claim different messages.</summary>
    internal override async Task<IReadOnlyList<Guid>> ClaimDueMessageIdsAsync(Instant dueBy, int max, CancellationToken ct) =>
        await Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM outbox
            WHERE status = {nameof(OutboxStatus.Pending)} AND next_attempt_at <= {dueBy.ToDateTimeUtc()}
            ORDER BY next_attempt_at, id LIMIT {max} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);

    internal override bool IsLostRace(DbUpdateException exception) =>
        exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        };
}
