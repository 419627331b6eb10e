using System.Diagnostics;
using System.Net;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;
using Npgsql;

namespace BusFlow.Host.Tests.Api.Health;

/// <summary>A node whose PostgreSQL stops answering stays up, says so at once, and is ready again when the database is back.</summary>
public sealed class DatabaseOutageReadinessTests
{
    [Fact]
    public async Task While_PostgreSQL_does_not_answer_readiness_is_503_within_seconds_liveness_stays_200_and_readiness_returns_after()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = SeveringProxy.Start(server.Host!, server.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        using var workflows = TestWorkflows.Standard();
        await using var host = await RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?>
        {
            ["BusFlow:Storage:ConnectionString"] = throughProxy,
            ["BusFlow:Health:CheckTimeout"] = "00:00:02",
        });
        var anonymous = host.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);

        proxy.Sever();
        var clock = Stopwatch.StartNew();
        var ready = await anonymous.GetAsync("/health/ready");
        var answeredIn = clock.Elapsed;
        var body = await ready.Content.ReadAsStringAsync();
        var health = await anonymous.GetAsync("/health");
        var live = await anonymous.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.True(answeredIn < TimeSpan.FromSeconds(10), $"readiness took {answeredIn} with the database silent");
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal("Unhealthy", json.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", json.GetProperty("database").GetProperty("status").GetString());
        Assert.DoesNotContain("Exception", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        proxy.Mend();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode again;
        do
        {
            again = (await anonymous.GetAsync("/health/ready")).StatusCode;
        }
        while (again != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(HttpStatusCode.OK, again);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(250);
        return true;
    }
}
