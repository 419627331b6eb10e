using System.Data;
using Npgsql;

namespace BusFlow.Host.Benchmarking;

/// <summary>
/// The engine's own statements without the engine: whole instances are run once more, one client, while
/// <see cref="StatementRecorder"/> records what each sent; their rows are deleted; then the recorded statements are
/// sent again as they were — same SQL, same parameters, same transactions, on the engine's connection settings —
/// with nothing else in the process doing work, by one client and then by several. What the replay takes is what the
/// database and the driver need for an instance as the engine writes it today; the rest of an instance's time is the
/// engine's own.
/// </summary>
internal static class StatementReplay
{
    public static async Task<ReplayResult> RunAsync(EngineServices engine, int count, int clients, string run, CancellationToken ct)
    {
        var ids = new Guid[count];
        List<RecordedTransaction>[] recorded;
        using (var recorder = StatementRecorder.Start(engine.ConnectionString))
        {
            // EF Core caches, per pooled context, that nobody listens to its command events, for a second
            // (CoreOptionsExtension.LoggingCacheTime): a statement sent sooner would go unrecorded.
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            await LoadRound.RunAsync(count, 1, async i =>
            {
                recorder.Record(i);
                ids[i] = await engine.RunInstanceAsync($"{run}-r{i}", i, ct);
            });
            recorded = [.. Enumerable.Range(0, count).Select(i => recorder.Operations[i])];
        }

        var written = await CensusAsync(engine.ConnectionString, ids, ct);
        var single = await ReplayRoundAsync(engine.ConnectionString, recorded, ids, written, 1, ct);
        var concurrent = await ReplayRoundAsync(engine.ConnectionString, recorded, ids, written, clients, ct);
        return new ReplayResult(
            single,
            concurrent,
            CommandsPerInstance: recorded.Sum(r => r.Sum(t => t.Statements.Count)) / (double)count,
            TransactionsPerInstance: recorded.Sum(r => r.Count(t => t.Transactional)) / (double)count,
            RolledBack: recorded.Sum(r => r.Count(t => t.RolledBack)));
    }

    /// <summary>
    /// Deletes the recorded instances' rows and sends their commands again, by <paramref name="clients"/> clients each
    /// taking the next instance on a connection of the engine's pool; the rows must then be as the engine left them.
    /// </summary>
    private static async Task<LoadRound> ReplayRoundAsync(
        string connectionString, List<RecordedTransaction>[] recorded, Guid[] ids, string written, int clients, CancellationToken ct)
    {
        await DeleteAsync(connectionString, ids, ct);
        var round = await LoadRound.RunAsync(recorded.Length, clients, i => ReplayAsync(connectionString, recorded[i], ct));
        return await CensusAsync(connectionString, ids, ct) == written
            ? round
            : throw new InvalidOperationException("The replayed statements did not write the rows the engine wrote; the replay measured something else.");
    }

    private static async Task ReplayAsync(string connectionString, List<RecordedTransaction> transactions, CancellationToken ct)
    {
        foreach (var recorded in transactions)
        {
            // As the engine's sessions do: a connection from the pool for each transaction, back to the pool after it.
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var transaction = recorded.Transactional ? await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct) : null;
            foreach (var statement in recorded.Statements)
            {
                await using var command = new NpgsqlCommand(statement.Sql, connection, transaction);
                foreach (var parameter in statement.Parameters)
                {
                    command.Parameters.Add(StatementRecorder.Copy(parameter));
                }

                await using var reader = await command.ExecuteReaderAsync(ct);
                do
                {
                    while (await reader.ReadAsync(ct))
                    {
                    }
                }
                while (await reader.NextResultAsync(ct));
            }

            if (transaction is not null)
            {
                await (recorded.RolledBack ? transaction.RollbackAsync(ct) : transaction.CommitAsync(ct));
            }
        }
    }

    /// <summary>
    /// The instances' rows: every instance's version, state and journal length, and each table's count. Equal after
    /// the replay only when it wrote what the engine wrote.
    /// </summary>
    private static async Task<string> CensusAsync(string connectionString, Guid[] ids, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT concat_ws('|',
                (SELECT string_agg(concat_ws(':', id, version, status, journal_length, md5(state_json)), ',' ORDER BY id) FROM workflow_instances WHERE id = ANY(@ids)),
                (SELECT count(*) FROM tasks WHERE instance_id = ANY(@ids) AND status = 'Completed'),
                (SELECT count(*) FROM timers WHERE instance_id = ANY(@ids) AND status = 'Fired'),
                (SELECT count(*) FROM bookmarks WHERE instance_id = ANY(@ids)),
                (SELECT sum(line_count) FROM journal_batches WHERE instance_id = ANY(@ids)),
                (SELECT count(*) FROM outbox WHERE instance_id = ANY(@ids)),
                (SELECT count(*) FROM link_tokens WHERE task_id IN (SELECT id FROM tasks WHERE instance_id = ANY(@ids))))
            """, connection);
        command.Parameters.AddWithValue("ids", ids);
        return (string?)await command.ExecuteScalarAsync(ct) ?? "";
    }

    /// <summary>The recorded instances' rows, so that their statements can write them again.</summary>
    private static async Task DeleteAsync(string connectionString, Guid[] ids, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var sql in (string[])[
            "DELETE FROM link_tokens WHERE task_id IN (SELECT id FROM tasks WHERE instance_id = ANY(@ids))",
            "DELETE FROM outbox WHERE instance_id = ANY(@ids)",
            "DELETE FROM journal_batches WHERE instance_id = ANY(@ids)",
            "DELETE FROM timers WHERE instance_id = ANY(@ids)",
            "DELETE FROM bookmarks WHERE instance_id = ANY(@ids)",
            "DELETE FROM tasks WHERE instance_id = ANY(@ids)",
            "DELETE FROM workflow_instances WHERE id = ANY(@ids)",
        ])
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("ids", ids);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}
