using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Telemetry;

/// <summary>A host whose /metrics the loopback address may read without signing in, as a scraper beside it would.</summary>
public sealed class MetricsHost : IAsyncLifetime
{
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), $"busflow-metrics-mail-{Guid.NewGuid():N}");
    private TestDatabase? _database;
    private TestWorkflows? _workflows;
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        _database = SqliteTestDatabase.Create();
        _workflows = TestWorkflows.Create(("approval.json", TestWorkflows.Approval), ("short-delay.json", TestWorkflows.ShortDelay));
        _host = await RunningHost.StartAsync(_database, _workflows.Folder, new Dictionary<string, string?>
        {
            ["BusFlow:Telemetry:MetricsAllowedFrom"] = "192.0.2.0/24, 127.0.0.1",
            ["BusFlow:Telemetry:GaugeRefresh"] = "00:00:01",
            // On a busy test machine a read may be slow; these tests are not about the database not answering.
            ["BusFlow:Health:CheckTimeout"] = "00:00:30",
            ["BusFlow:Mail:Folder"] = _mailFolder,
            // The tests deliver the outbox themselves, between two scrapes.
            ["BusFlow:Mail:DeliveryCron"] = "0 0 1 1 *",
            ["BusFlow:Mail:DeliverAfterCommit"] = "false",
        });
    }

    public Task DisposeAsync() => HostTeardown.DisposeAsync(_host, _database, _workflows, _mailFolder);
}
