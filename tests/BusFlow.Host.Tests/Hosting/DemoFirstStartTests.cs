using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Hosting;

/// <summary>
/// The embedded default's first start: the demo municipality is seeded and its cycles start, so a
/// new user sees the renewal of the agreement ending 2026-12-31 under way (it started 2026-04-01).
/// </summary>
public sealed class DemoFirstStartTests
{
    private static readonly Dictionary<string, string?> DemoOn = new() { ["BusFlow:Demo:SeedOnFirstStart"] = "true" };

    // "Today" is pinned: a first start in late November 2026, after the renewal's start and before the agreement's end.
    private static readonly FakeClock LateNovember2026 = new(Instant.FromUtc(2026, 11, 23, 9, 0));

    [Fact]
    public async Task A_first_start_seeds_the_demo_and_the_agreement_renewal_is_under_way_with_an_open_task()
    {
        await using var database = SqliteTestDatabase.Create();
        var workflows = Path.Combine(RepositoryRoot.Path, "workflows");

        await using (var host = await RunningHost.StartAsync(database, workflows, DemoOn, LateNovember2026))
        {
            var tasks = await host.Client.GetFromJsonAsync<JsonArray>("/api/tasks?status=open", RunningHost.Json);
            Assert.Contains(tasks!, t => ((string?)t!["title"])!.StartsWith("Ta fram förslag till Samverkansöverenskommelse BUS 2027–2030", StringComparison.Ordinal));
            Assert.All(tasks!, t => Assert.EndsWith(".test", (string?)t!["assignee"], StringComparison.Ordinal));
        }

        await using (var again = await RunningHost.StartAsync(database, workflows, DemoOn, LateNovember2026))
        {
            var renewals = await again.Client.GetFromJsonAsync<JsonArray>("/api/instances?definitionId=agreement-renewal", RunningHost.Json);
            Assert.Single(renewals!);
        }
    }
}
