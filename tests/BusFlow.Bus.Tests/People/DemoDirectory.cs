using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Time;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Bus.Tests.People;

/// <summary>The demo municipality in a SQLite database of its own, on 23 November 2026, for the people tests.</summary>
public sealed class DemoDirectory : IAsyncLifetime
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);

    private TestDatabase _database = null!;

    public IWorkflowStore Store { get; private set; } = null!;

    /// <summary>The engine on the same database, for the changes that reach running workflows (a new address).</summary>
    public WorkflowRuntime Runtime { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        var services = _database.BuildServices(s => s
            .AddLogging()
            .AddSingleton<IClock>(new FakeClock(Now))
            .AddBusFlowEngine(new EngineOptions { TimeZone = DateTimeZoneProviders.Tzdb["Europe/Stockholm"] })
            .AddBusFlowBus());
        await BusFlowDatabase.MigrateAsync(services);
        Store = services.GetRequiredService<IWorkflowStore>();
        Runtime = services.GetRequiredService<WorkflowRuntime>();
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
