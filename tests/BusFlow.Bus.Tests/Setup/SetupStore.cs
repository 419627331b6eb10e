using System.Globalization;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Bus.Setup;
using BusFlow.Engine.Persistence;
using BusFlow.Storage;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Bus.Tests.Setup;

/// <summary>A migrated, empty database to import setup files into, as `busflow import` does: one session, committed only when the file is right.</summary>
internal sealed class SetupStore : IAsyncDisposable
{
    /// <summary>The day the examples are imported on: before their meeting plans start.</summary>
    public static readonly LocalDate Today = new(2026, 12, 1);

    private readonly TestDatabase _database;
    private readonly IWorkflowStore _store;

    private SetupStore(TestDatabase database, IWorkflowStore store)
    {
        _database = database;
        _store = store;
    }

    public static Task<SetupStore> CreateAsync() => CreateAsync(StorageOptions.Sqlite);

    public static async Task<SetupStore> CreateAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new SetupStore(database, await database.CreateStoreAsync());
    }

    /// <summary>When the imports write: the recording time of the decisions they add.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 9, 0);

    public async Task<SetupImportResult> ImportAsync(string file, string text, LocalDate? today = null)
    {
        await using var session = await _store.BeginAsync(default);
        var result = await SetupImport.ImportAsync(session.Facet<IBusRecords>(), file, text, today ?? Today, Now, default);
        if (result.Succeeded)
        {
            await session.CommitAsync(default);
        }

        return result;
    }

    public async Task SeedDemoAsync()
    {
        await using var session = await _store.BeginAsync(default);
        await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), Instant.FromUtc(2025, 12, 1, 0, 0), default);
        await session.CommitAsync(default);
    }

    public async Task<SetupDocument> ExportAsync()
    {
        await using var session = await _store.BeginAsync(default);
        return await SetupExport.ReadAsync(session.Facet<IBusRecords>(), default);
    }

    public async Task<T> ReadAsync<T>(Func<IBusRecords, Task<T>> read)
    {
        await using var session = await _store.BeginAsync(default);
        return await read(session.Facet<IBusRecords>());
    }

    /// <summary>How many rows a table of the BUS records has.</summary>
    public async Task<long> CountAsync(string table) =>
        Convert.ToInt64(await _database.ScalarAsync($"select count(*) from {table}"), CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
