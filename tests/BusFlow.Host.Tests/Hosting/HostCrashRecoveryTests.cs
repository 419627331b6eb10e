using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Hosting;

/// <summary>
/// The durability promise, end to end: a real busflow process is killed while an instance waits on
/// a timer, a new process starts on the same database, and the timer still fires — exactly once —
/// through real Hangfire jobs; the next task is answered by two racing requests, and only one counts.
/// </summary>
public sealed class HostCrashRecoveryTests
{
    private const string Workflow = """
        {
          "id": "crash-test",
          "version": 1,
          "name": "Survives a crash",
          "root": { "type": "Sequence", "id": "main", "activities": [
            { "type": "Task", "id": "first", "assignee": "chair@kommun.test", "title": "First", "outcomes": ["done"] },
            { "type": "Delay", "id": "pause", "duration": "PT3S" },
            { "type": "Task", "id": "second", "assignee": "chair@kommun.test", "title": "Second", "outcomes": ["done"] }
          ] }
        }
        """;

    public static TheoryData<string, string> Stacks => new()
    {
        { "Sqlite", "InMemory" },
        { "Postgres", "PostgreSql" },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task A_killed_host_loses_no_timer_and_a_bookmark_is_resumed_once(string provider, string jobStorage)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var workflows = TestWorkflows.Create(("crash-test.json", Workflow));
        var port = HostProcess.FreePort();

        Guid instanceId;
        await using (var first = await HostProcess.StartAsync(database, workflows.Folder, jobStorage, port))
        {
            var started = await first.Client.PostAsJsonAsync("/api/instances", new { definitionId = "crash-test" });
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            instanceId = (await started.ReadJsonAsync()).GetProperty("id").GetGuid();
            var task = await OpenTaskAsync(first.Client, instanceId, "First");
            Assert.Equal(HttpStatusCode.OK, (await first.Client.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = "done" })).StatusCode);

            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(database, workflows.Folder, jobStorage, port);
        var secondTask = await OpenTaskAsync(second.Client, instanceId, "Second", wait: TimeSpan.FromSeconds(90));

        var answers = await Task.WhenAll(
            second.Client.PostAsJsonAsync($"/api/tasks/{secondTask}/complete", new { outcome = "done" }),
            second.Client.PostAsJsonAsync($"/api/tasks/{secondTask}/complete", new { outcome = "done" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var instance = await second.Client.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}");
        Assert.Equal("completed", (string?)instance!["status"]);
        var journal = await second.Client.GetFromJsonAsync<JsonArray>($"/api/instances/{instanceId}/journal");
        var kinds = journal!.Select(j => (string?)j!["kind"]).ToList();
        Assert.Equal(1, kinds.Count(k => k == "timerFired"));
        Assert.Equal(2, kinds.Count(k => k == "taskCompleted"));
        Assert.Equal(1, kinds.Count(k => k == "instanceCompleted"));
    }

    private static async Task<Guid> OpenTaskAsync(HttpClient client, Guid instanceId, string title, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var tasks = await client.GetFromJsonAsync<JsonArray>($"/api/tasks?instanceId={instanceId}&status=open");
            var task = tasks!.FirstOrDefault(t => (string?)t!["title"] == title);
            if (task is not null)
            {
                return Guid.Parse((string)task["id"]!);
            }

            Assert.True(DateTime.UtcNow < deadline, $"No open task '{title}' appeared in time; open: {tasks!.ToJsonString()}");
            await Task.Delay(250);
        }
    }
}
