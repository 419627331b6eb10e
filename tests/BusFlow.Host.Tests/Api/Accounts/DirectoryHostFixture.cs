using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Feeds;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Api.Accounts;

/// <summary>A host on a SQLite file whose directory holds the demo municipality's people, and no workflows.</summary>
public sealed class DirectoryHostFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Create();
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, clock: new FakeClock(FeedHostFixture.Now));
        await using var session = await _host.Services.GetRequiredService<IWorkflowStore>().BeginAsync(default);
        await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), FeedHostFixture.Now, default);
        await session.CommitAsync(default);
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, _workflows);
}
