using BusFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Support;

/// <summary>A host of its own on the demo municipality in late November 2026, for a test that changes what runs.</summary>
public sealed class DemoHost : IAsyncDisposable
{
    public static readonly Instant LateNovember2026 = Instant.FromUtc(2026, 11, 23, 9, 0);

    private readonly TestDatabase _database;

    private DemoHost(TestDatabase database, RunningHost host)
    {
        _database = database;
        Host = host;
    }

    public RunningHost Host { get; }

    public static async Task<DemoHost> StartAsync()
    {
        var database = SqliteTestDatabase.Create();
        var host = await RunningHost.StartAsync(database, Path.Combine(RepositoryRoot.Path, "workflows"),
            new Dictionary<string, string?> { ["BusFlow:Demo:SeedOnFirstStart"] = "true" }, new FakeClock(LateNovember2026));
        return new DemoHost(database, host);
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(Host, _database, workflows: null);

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
