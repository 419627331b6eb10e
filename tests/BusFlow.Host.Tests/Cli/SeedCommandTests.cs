using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

public sealed class SeedCommandTests
{
    [Fact]
    public async Task Seed_demo_loads_the_municipality_once_and_starts_its_cycles()
    {
        await using var database = SqliteTestDatabase.Create();
        var settings = new Dictionary<string, string?>
        {
            ["BusFlow:Storage:Provider"] = database.Provider,
            ["BusFlow:Storage:ConnectionString"] = database.ConnectionString,
            ["BusFlow:Workflows:Folder"] = Path.Combine(RepositoryRoot.Path, "workflows"),
        };

        var first = await CliRun.RunAsync(["seed", "demo"], settings);
        var second = await CliRun.RunAsync(["seed", "demo"], settings);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.StartsWith("Seeded the demo municipality Exempelby from examples/exempelby-demo.yaml", first.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("The cycles of bus-2023-2026 are running.", first.OutputLines);
        Assert.Equal("The demo is already there.", second.OutputLines[0]);
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync("select count(*) from workflow_instances where definition_id = 'agreement-renewal'"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
