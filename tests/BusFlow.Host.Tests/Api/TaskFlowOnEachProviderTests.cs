using System.Net;
using System.Net.Http.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using BusFlow.Storage;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Api;

/// <summary>The main flow on each database; on PostgreSQL with Hangfire's jobs in PostgreSQL too.</summary>
public sealed class TaskFlowOnEachProviderTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Start_then_answer_the_task_over_HTTP_completes_the_instance(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var workflows = TestWorkflows.Standard();
        var jobs = provider == StorageOptions.Postgres ? "PostgreSql" : "InMemory";
        await using var host = await RunningHost.StartAsync(database, workflows.Folder, new Dictionary<string, string?> { ["BusFlow:Jobs:Storage"] = jobs });

        var start = await host.Client.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "approval",
            input = new { subject = "Budget", approver = "anna@example.se" },
            correlationKey = "budget-2027",
        });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var instance = await start.ReadAsync<InstanceDetail>();
        var tasks = await host.Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?assignee=anna@example.se&status=open", RunningHost.Json);
        var task = Assert.Single(tasks!);

        var answer = await host.Client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "reject", comment = "Too much" });
        var again = await host.Client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "approve" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var finished = await host.Client.GetFromJsonAsync<InstanceDetail>($"/api/instances/{instance.Id}", RunningHost.Json);
        Assert.Equal(InstanceStatus.Completed, finished!.Status);
        Assert.Equal("reject", finished.Variables["decision"]?["outcome"]?.GetValue<string>());
        Assert.Equal(TestAccounts.AdministratorEmail, finished.Variables["decision"]?["completedBy"]?.GetValue<string>());
        var journal = await host.Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{instance.Id}/journal", RunningHost.Json);
        Assert.Contains(journal!, e => e.Kind == JournalKind.TaskCreated);
        Assert.Contains(journal!, e => e.Kind == JournalKind.TaskCompleted);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health")).StatusCode);
    }
}
