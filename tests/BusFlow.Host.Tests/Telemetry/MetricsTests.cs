using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Host.Tests.Telemetry;

/// <summary>What a Prometheus scraper reads at /metrics: the engine's counters, the database's gauges, requests and the runtime.</summary>
public sealed partial class MetricsTests(MetricsHost host) : IClassFixture<MetricsHost>
{
    [Fact]
    public async Task A_scraper_at_an_allowed_address_reads_instances_by_state_timers_answers_and_request_durations_without_signing_in()
    {
        var approval = await StartAsync(new { definitionId = "approval", input = new { subject = "Budget", approver = "anna@example.se" } });
        var task = Assert.Single((await host.Host.Client.GetFromJsonAsync<List<TaskResponse>>($"/api/tasks?instanceId={approval.Id}&status=open", RunningHost.Json))!);
        (await host.Host.Client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "approve" })).EnsureSuccessStatusCode();
        var delayed = await StartAsync(new { definitionId = "short-delay" });
        await WaitForTaskAsync(delayed.Id);
        var instances = await host.Host.Client.GetFromJsonAsync<List<InstanceSummary>>("/api/instances?take=500", RunningHost.Json);

        var scraped = await host.Host.AnonymousClient().GetAsync("/metrics");
        var text = await scraped.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.StartsWith("text/plain", scraped.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        foreach (var state in new[] { InstanceStatus.Waiting, InstanceStatus.Completed })
        {
            var expected = instances!.Count(i => i.Status == state);
            Assert.Contains(expected, Values(text, "busflow_instances", $"state=\"{state.ToString().ToLowerInvariant()}\""));
        }

        Assert.Contains(Values(text, "busflow_instances_started_total"), started => started >= 2);
        Assert.Contains(Values(text, "busflow_tasks_answered_total"), answered => answered >= 1);
        Assert.Contains(Values(text, "busflow_timers_fired_total"), fired => fired >= 1);
        Assert.Contains(0, Values(text, "busflow_timers_late"));
        Assert.NotEmpty(Values(text, "busflow_timers_due"));
        Assert.NotEmpty(Values(text, "busflow_outbox_depth"));
        Assert.NotEmpty(Values(text, "busflow_outbox_oldest_due_age_seconds"));
        Assert.Contains(Values(text, "http_server_request_duration_seconds_count", "http_route=\"/api/tasks/{id:guid}/complete\""), count => count >= 1);
        Assert.Matches(@"(?m)^dotnet_gc_collections_total|^process_runtime_dotnet_gc_collections_count_total", text);
    }

    [Fact]
    public async Task The_outboxs_depth_and_the_mail_sent_count_follow_a_delivery()
    {
        var store = host.Host.Services.GetRequiredService<IWorkflowStore>();
        var now = host.Host.Services.GetRequiredService<IClock>().GetCurrentInstant();
        await using (var session = await store.BeginAsync())
        {
            session.Facet<IOutbox>().Enqueue(OutboxMessage.Create(
                new EmailMessage("anna@example.se", "Ny uppgift", "Text", "<p>Text</p>", "sv-SE", EmailKind.Required), now - Duration.FromMinutes(3)));
            await session.CommitAsync(CancellationToken.None);
        }

        var before = await ScrapeAsync();
        await host.Host.Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync();
        var after = await ScrapeAsync();

        Assert.Contains(Values(before, "busflow_outbox_depth"), depth => depth >= 1);
        Assert.Contains(Values(before, "busflow_outbox_oldest_due_age_seconds"), age => age >= 170);
        Assert.Contains(0, Values(after, "busflow_outbox_depth"));
        Assert.Contains(0, Values(after, "busflow_outbox_oldest_due_age_seconds"));
        Assert.Contains(Values(after, "busflow_mails_sent_total"), sent => sent >= 1);
    }

    [Fact]
    public async Task A_background_job_that_fails_is_counted_by_its_name()
    {
        host.Host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => FailingJob.Fail());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<double> failed;
        do
        {
            await Task.Delay(250);
            failed = Values(await ScrapeAsync(), "busflow_jobs_failed_total", "job=\"FailingJob.Fail\"");
        }
        while (failed.Count == 0 && DateTime.UtcNow < deadline);

        Assert.Contains(failed, count => count >= 1);
    }

    private async Task<string> ScrapeAsync()
    {
        // The gauges are read again once a second at most (and the exporter caches a scrape for 300 ms): wait past both.
        await Task.Delay(1100);
        return await host.Host.AnonymousClient().GetStringAsync("/metrics");
    }

    private async Task<InstanceDetail> StartAsync(object request)
    {
        var response = await host.Host.Client.PostAsJsonAsync("/api/instances", request);
        response.EnsureSuccessStatusCode();
        return await response.ReadAsync<InstanceDetail>();
    }

    private async Task WaitForTaskAsync(Guid instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var tasks = await host.Host.Client.GetFromJsonAsync<List<TaskResponse>>($"/api/tasks?instanceId={instanceId}", RunningHost.Json);
            if (tasks!.Count > 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The delay did not fire within 30 seconds.");
    }

    /// <summary>The values of the series named <paramref name="name"/> (whose labels contain <paramref name="label"/>, if given).</summary>
    private static List<double> Values(string text, string name, string? label = null) =>
        [.. Series().Matches(text)
            .Where(m => m.Groups["name"].Value == name && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"(?m)^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>(?:[^""}]|""(?:[^""\\]|\\.)*"")*)\})? (?<value>[-+0-9.eE]+|NaN)")]
    private static partial Regex Series();
}
