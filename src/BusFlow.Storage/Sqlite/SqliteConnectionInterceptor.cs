using System.Data.Common;
using BusFlow.Engine.Files;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BusFlow.Storage.Sqlite;

/// <summary>
/// Before the first open, creates the database's folder (0700) and file (0600), or narrows an
/// existing file and its -wal and -shm to 0600 (SQLite gives those the database file's mode);
/// after each open, sets the connection pragmas.
/// </summary>
internal sealed class SqliteConnectionInterceptor(SqliteConnectionSetup setup) : DbConnectionInterceptor
{
    private volatile bool _prepared;

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        EnsureDirectory();
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        EnsureDirectory();
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = setup.InitializationSql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = setup.InitializationSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void EnsureDirectory()
    {
        if (_prepared || setup.DatabaseFile is not { } file || setup.DatabaseDirectory is not { } folder)
        {
            return;
        }

        PrivateFiles.CreateFolder(folder);
        if (!File.Exists(file))
        {
            try
            {
                // SQLite takes an empty file for an empty database, and keeps the mode it was created with.
                using (PrivateFiles.Create(file))
                {
                }
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process made it first.
            }
        }

        PrivateFiles.Restrict(file, file + "-wal", file + "-shm");
        _prepared = true;
    }
}
