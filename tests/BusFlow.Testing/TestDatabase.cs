using System.Data.Common;
using BusFlow.Engine.Persistence;
using BusFlow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Testing;

/// <summary>
/// A throwaway database of one provider, dropped on dispose together with every service
/// provider built on it here.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The providers a storage test runs against, for <c>[MemberData]</c>.</summary>
    public static TheoryProviders Providers { get; } = new(StorageOptions.Sqlite, StorageOptions.Postgres);

    private readonly List<ServiceProvider> _services = [];
    private bool _disposed;

    /// <summary><see cref="StorageOptions.Sqlite"/> or <see cref="StorageOptions.Postgres"/>.</summary>
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public StorageOptions StorageOptions => new() { Provider = Provider, ConnectionString = ConnectionString };

    /// <summary>A new, empty database of <paramref name="provider"/> (not yet migrated).</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, CancellationToken cancellationToken = default) =>
        provider switch
        {
            StorageOptions.Sqlite => SqliteTestDatabase.Create(),
            StorageOptions.Postgres => await PostgresTestDatabase.CreateAsync(cancellationToken),
            _ => throw new ArgumentException($"Unknown storage provider '{provider}'.", nameof(provider)),
        };

    /// <summary>
    /// Services with the workflow storage on this database (plus whatever <paramref name="configure"/> adds),
    /// disposed with the database.
    /// </summary>
    public ServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var services = new ServiceCollection();
        services.AddBusFlowStorage(StorageOptions);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _services.Add(provider);
        return provider;
    }

    /// <summary>Migrates the database and returns a workflow store on it.</summary>
    public async Task<IWorkflowStore> CreateStoreAsync(CancellationToken cancellationToken = default)
    {
        var services = BuildServices();
        await BusFlowDatabase.MigrateAsync(services, cancellationToken);
        return services.GetRequiredService<IWorkflowStore>();
    }

    /// <summary>A new, closed ADO.NET connection to this database, for checks beneath the store.</summary>
    public abstract DbConnection CreateConnection();

    /// <summary>Runs <paramref name="sql"/> on a connection of its own and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }

        await DropAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask DropAsync();
}
