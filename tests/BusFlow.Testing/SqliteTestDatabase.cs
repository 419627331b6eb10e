using System.Data.Common;
using BusFlow.Storage;
using Microsoft.Data.Sqlite;

namespace BusFlow.Testing;

/// <summary>A SQLite database file in a temporary folder of its own, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory;

    private SqliteTestDatabase(string directory)
    {
        _directory = directory;
        // Without pooling no connection keeps the file open once the test is done with it.
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "busflow.db"),
            Pooling = false,
        }.ToString();
    }

    public override string Provider => StorageOptions.Sqlite;

    public override string ConnectionString { get; }

    /// <summary>The folder holding the database and its WAL files; it need not exist until first use.</summary>
    public string DirectoryPath => _directory;

    public override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    public static SqliteTestDatabase Create() =>
        new(Path.Combine(Path.GetTempPath(), $"busflow-test-{Guid.NewGuid():N}"));

    /// <summary>A database file in <paramref name="directory"/> (e.g. a small filesystem a test fills up), deleted with its contents on dispose.</summary>
    public static SqliteTestDatabase In(string directory) => new(directory);

    protected override ValueTask DropAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
