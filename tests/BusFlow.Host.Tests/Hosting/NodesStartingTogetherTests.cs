using BusFlow.Host.Configuration;
using BusFlow.Host.Hosting;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Hosting;

/// <summary>Several nodes of a new installation started at the same moment on one empty PostgreSQL database.</summary>
public sealed class NodesStartingTogetherTests
{
    [Fact]
    public async Task Three_nodes_started_at_once_on_an_empty_database_all_start_and_each_workflow_is_published()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        using var workflows = TestWorkflows.Standard();
        var settings = BusFlowConfiguration.Load(RunningHost.Settings(database, workflows.Folder, new Dictionary<string, string?> { ["BusFlow:Jobs:Storage"] = "PostgreSql" }));

        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => BusFlowHost.StartAsync(settings))));
        try
        {
            foreach (var node in nodes)
            {
                using var client = new HttpClient { BaseAddress = new Uri(node.Urls.First()) };
                Assert.True((await client.GetAsync("/health")).IsSuccessStatusCode);
            }

            Assert.Equal((long)Directory.GetFiles(workflows.Folder, "*.json").Length, await database.ScalarAsync("SELECT count(*) FROM workflow_definitions"));
            Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM hangfire.schema"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.StopAsync();
                await node.DisposeAsync();
            }
        }
    }
}
