using System.Net.Http.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class TimerTests(ApiHostFixture host)
{
    [Fact]
    public async Task A_delay_fires_through_the_hosts_Hangfire_jobs_and_the_instance_goes_on()
    {
        var start = await host.Client.PostAsJsonAsync("/api/instances", new { definitionId = "short-delay" });
        var instance = await start.ReadAsync<InstanceDetail>();
        Assert.Equal(InstanceStatus.Waiting, instance.Status);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<TaskResponse> tasks;
        do
        {
            await Task.Delay(250);
            tasks = (await host.Client.GetFromJsonAsync<List<TaskResponse>>($"/api/tasks?instanceId={instance.Id}", RunningHost.Json))!;
        }
        while (tasks.Count == 0 && DateTime.UtcNow < deadline);

        Assert.Equal("after", Assert.Single(tasks).ActivityId);
        var journal = await host.Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{instance.Id}/journal", RunningHost.Json);
        Assert.Equal("timer", journal!.Single(e => e.Kind == JournalKind.TimerFired).Actor);
    }
}
