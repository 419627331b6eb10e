using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BusFlow.Storage.Sqlite;

/// <summary>Creates the database's folder before the first open and sets the connection pragmas after each.</summary>
internal sealed class SqliteConnectionInterceptor(SqliteConnectionSetup setup) : DbConnectionInterceptor
{
    private volatile bool _directoryExists;

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
        if (_directoryExists || setup.DatabaseDirectory is null)
        {
            return;
        }

        Directory.CreateDirectory(setup.DatabaseDirectory);
        _directoryExists = true;
    }
}
