using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Bus.Demo;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Feeds;

/// <summary>Rotating one feed from several requests at once, on each database.</summary>
public sealed class ConcurrentRotationTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rotations_at_the_same_moment_leave_exactly_one_live_feed_and_a_loser_is_told_to_try_again(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var workflows = TestWorkflows.Create();
        var host = await RunningHost.StartAsync(database, workflows.Folder);
        await using (host)
        {
            await using (var session = await host.Services.GetRequiredService<IWorkflowStore>().BeginAsync())
            {
                await DemoMunicipality.SeedAsync(session.Facet<IBusRecords>(), FeedHostFixture.Now, default);
                await session.CommitAsync(default);
            }

            Assert.Equal(HttpStatusCode.Created, (await host.Client.PostAsJsonAsync("/api/feeds", new { subject = "board:sn" })).StatusCode);

            var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Client.PostAsJsonAsync("/api/feeds", new { subject = "board:sn" })));

            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
            var live = await host.Client.GetFromJsonAsync<JsonElement>("/api/feeds?subject=board:sn", RunningHost.Json);
            Assert.Single(live.EnumerateArray());
        }
    }
}
