using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using BusFlow.Storage;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Security;

/// <summary>Every row of every table of a database as text, as a backup of it would show them.</summary>
public static class DatabaseDump
{
    public static async Task<string> AllTablesAsync(TestDatabase database)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        var dump = new StringBuilder();
        var tables = await TablesAsync(connection, database.Provider);
        Assert.Contains(tables, table => table.EndsWith("\"outbox\"", StringComparison.Ordinal));
        foreach (var table in tables)
        {
            dump.Append("-- ").AppendLine(table);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dump.AppendJoin('|', Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)))).AppendLine();
            }
        }

        return dump.ToString();
    }

    /// <summary>The tables, quoted for a query: from sqlite_master, or information_schema in every schema but the system's.</summary>
    private static async Task<List<string>> TablesAsync(DbConnection connection, string provider)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == StorageOptions.Sqlite
            ? "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table'"
            : "SELECT '\"' || table_schema || '\".\"' || table_name || '\"' FROM information_schema.tables "
              + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "",
        byte[] bytes => Encoding.UTF8.GetString(bytes) + " " + Convert.ToBase64String(bytes),
        string text => text,
        IEnumerable items => string.Join(',', items.Cast<object>().Select(Text)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
