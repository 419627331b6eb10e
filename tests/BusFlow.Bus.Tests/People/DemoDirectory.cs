using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Bus.Tests.People;

/// <summary>The demo municipality in a SQLite database of its own, on 23 November 2026, for the people tests.</summary>
public sealed class DemoDirectory : IAsyncLifetime
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    private TestDatabase _database = null!;

    public IWorkflowStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        Store = await _database.CreateStoreAsync();
        await using var session = await Store.BeginAsync();
        await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), Now, default);
        await session.CommitAsync(default);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public async Task<T> ReadAsync<T>(Func<IBusRecords, Task<T>> read)
    {
        await using var session = await Store.BeginAsync();
        return await read(session.Facet<IBusRecords>());
    }
}
