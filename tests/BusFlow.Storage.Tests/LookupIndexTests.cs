using System.Data.Common;
using BusFlow.Testing;

namespace BusFlow.Storage.Tests;

/// <summary>
/// Lookups that every mail or reminder makes, on tables that grow with the years and the
/// collaborations served: each must be answered from an index, not by reading the whole table.
/// </summary>
public sealed class LookupIndexTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Finding_a_person_by_e_mail_reads_an_index_not_the_whole_table(string provider)
    {
        var plan = await PlanAsync(provider, "SELECT * FROM people WHERE lower(email) = 'ordforande@kommun.test' ORDER BY id LIMIT 1");

        Assert.Contains("ix_people_lower_email", plan, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_open_tasks_of_a_board_are_read_from_an_index_not_from_every_task_ever_made(string provider)
    {
        var plan = await PlanAsync(provider, "SELECT * FROM tasks WHERE status = 'Open' AND role LIKE 'sn/%' ORDER BY created_at, id LIMIT 10000");

        Assert.Contains("ix_tasks_status_role", plan, StringComparison.Ordinal);
    }

    private static async Task<string> PlanAsync(string provider, string query)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.CreateStoreAsync();
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        var postgres = provider == StorageOptions.Postgres;
        if (postgres)
        {
            // An empty table is read whole whatever its indexes; this asks which index the planner would use.
            await ExecuteAsync(connection, "SET enable_seqscan = off");
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + query;
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        }

        return string.Join('\n', lines);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
