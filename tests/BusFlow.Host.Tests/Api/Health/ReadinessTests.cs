using System.Net;
using BusFlow.Engine.Definitions;
using BusFlow.Host.Api.Health;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using NodaTime.Testing;

namespace BusFlow.Host.Tests.Api.Health;

[Collection(ApiHostCollection.Name)]
public sealed class ReadinessTests(ApiHostFixture host)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 9, 0);

    [Fact]
    public async Task A_started_node_is_ready_with_every_check_healthy_and_only_counts_in_the_answer()
    {
        var ready = await host.Host.AnonymousClient().GetAsync("/health/ready");
        var body = await ready.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(ready.Headers.CacheControl?.NoStore);
        foreach (var check in new[] { "database", "migrations", "workflowsFolder", "outbox" })
        {
            Assert.Equal("Healthy", body.GetProperty(check).GetProperty("status").GetString());
        }

        Assert.Equal(0, body.GetProperty("migrations").GetProperty("pending").GetInt32());
        Assert.True(body.GetProperty("workflowsFolder").GetProperty("published").GetBoolean());
        Assert.Equal(0, body.GetProperty("workflowsFolder").GetProperty("errors").GetInt32());
        Assert.True(body.GetProperty("outbox").TryGetProperty("due", out _));
    }

    [Fact]
    public async Task Liveness_answers_200_Healthy_and_asks_nothing_more()
    {
        var live = await host.Host.AnonymousClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_node_that_has_not_published_its_workflows_folder_is_not_ready()
    {
        var result = await new WorkflowFolderHealthCheck(new WorkflowFolderStatus()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(false, result.Data[WorkflowFolderHealthCheck.PublishedKey]);
    }

    [Fact]
    public async Task The_outbox_is_degraded_once_its_oldest_due_message_waited_longer_than_the_threshold_and_healthy_before()
    {
        await using var database = SqliteTestDatabase.Create();
        var services = database.BuildServices();
        await BusFlowDatabase.MigrateAsync(services);
        var contexts = services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Outbox.Add(Pending(Now - Duration.FromMinutes(20)));
            db.Outbox.Add(Pending(Now - Duration.FromMinutes(2)));
            db.Outbox.Add(Pending(Now + Duration.FromMinutes(30)));
            await db.SaveChangesAsync();
        }

        var settings = new HealthSettings { OutboxStuckAfter = TimeSpan.FromMinutes(15) };
        var stuck = await new OutboxHealthCheck(contexts, new FakeClock(Now), settings).CheckHealthAsync(new HealthCheckContext());
        var beforeThreshold = await new OutboxHealthCheck(contexts, new FakeClock(Now - Duration.FromMinutes(6)), settings).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, stuck.Status);
        Assert.Equal(2, stuck.Data[OutboxHealthCheck.DueKey]);
        Assert.Equal("2026-11-30T08:40:00Z", stuck.Data[OutboxHealthCheck.OldestDueKey]);
        Assert.Equal(HealthStatus.Healthy, beforeThreshold.Status);
        Assert.Equal(1, beforeThreshold.Data[OutboxHealthCheck.DueKey]);
    }

    private static OutboxMessage Pending(Instant due)
    {
        var message = OutboxMessage.Create(
            new EmailMessage("anna@example.se", "Påminnelse", "text", "<p>text</p>", "sv-SE", EmailKind.Required), due);
        message.SealedContent = "sealed";
        return message;
    }
}
