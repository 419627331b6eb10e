using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class InstanceApiTests(ApiHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task A_started_instance_waits_on_an_open_task_and_completes_when_the_task_is_answered_over_HTTP()
    {
        var start = await Client.PostAsJsonAsync("/api/instances", new
        {
            definitionId = "approval",
            input = new { subject = "Budget 2027", approver = "anna@example.se" },
        });

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var started = await start.ReadAsync<InstanceDetail>();
        Assert.Equal($"/api/instances/{started.Id}", start.Headers.Location?.OriginalString);
        Assert.Equal(InstanceStatus.Waiting, started.Status);
        var task = await host.OpenTaskOfAsync(started.Id);
        Assert.Equal("anna@example.se", task.Assignee);
        Assert.Equal("Godkänn: Budget 2027", task.Title);

        using var answer = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/complete")
        {
            Content = JsonContent.Create(new { outcome = "approve", comment = "Fine by me" }),
        };
        using var anna = await host.Host.ClientForAsync("anna@example.se", []);
        var completed = await anna.SendAsync(answer);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var closedTask = await completed.ReadAsync<TaskResponse>();
        Assert.Equal(HumanTaskStatus.Completed, closedTask.Status);
        Assert.Equal("anna@example.se", closedTask.CompletedBy);
        var instance = await Client.GetFromJsonAsync<InstanceDetail>($"/api/instances/{started.Id}", RunningHost.Json);
        Assert.Equal(InstanceStatus.Completed, instance!.Status);
        Assert.NotNull(instance.FinishedAt);
        Assert.Equal("approve", instance.Variables["decision"]?["outcome"]?.GetValue<string>());
        var journal = await Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{started.Id}/journal", RunningHost.Json);
        var created = Assert.Single(journal!, e => e.Kind == JournalKind.TaskCreated);
        var answered = Assert.Single(journal!, e => e.Kind == JournalKind.TaskCompleted);
        Assert.Equal("approve", created.ActivityId);
        Assert.Equal("anna@example.se", answered.Actor);
        Assert.Equal("approve", answered.Data?["outcome"]?.GetValue<string>());
        Assert.Equal(JournalKind.InstanceCompleted, journal![^1].Kind);
    }

    [Fact]
    public async Task A_second_start_with_the_same_correlation_key_returns_the_existing_instance_with_200()
    {
        var body = new
        {
            definitionId = "approval",
            input = new { subject = "Lease", approver = "anna@example.se" },
            correlationKey = $"lease-{Guid.NewGuid():N}",
        };

        var first = await Client.PostAsJsonAsync("/api/instances", body);
        var second = await Client.PostAsJsonAsync("/api/instances", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.ReadAsync<InstanceDetail>()).Id, (await second.ReadAsync<InstanceDetail>()).Id);
    }

    [Fact]
    public async Task A_start_without_a_required_input_is_a_422_problem_listing_each_error_with_its_path()
    {
        var response = await Client.PostAsJsonAsync("/api/instances", new { definitionId = "approval", input = new { subject = "Budget" } });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "approver");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("$.input.approver", error.GetProperty("path").GetString());
        Assert.Equal("the input 'approver' is required", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_start_that_names_no_definition_is_a_422_problem()
    {
        var response = await Client.PostAsJsonAsync("/api/instances", new { input = new { } });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("$.definitionId", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_start_of_an_unknown_definition_is_a_404_problem()
    {
        var response = await Client.PostAsJsonAsync("/api/instances", new { definitionId = "no-such-workflow" });

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "no-such-workflow");
    }

    [Fact]
    public async Task An_unknown_instance_is_a_404_problem()
    {
        var id = Guid.NewGuid();

        await Problems.AssertAsync(await Client.GetAsync($"/api/instances/{id}"), HttpStatusCode.NotFound, id.ToString());
        await Problems.AssertAsync(await Client.GetAsync($"/api/instances/{id}/journal"), HttpStatusCode.NotFound, id.ToString());
        await Problems.AssertAsync(await Client.PostAsync($"/api/instances/{id}/cancel", null), HttpStatusCode.NotFound, id.ToString());
    }

    [Fact]
    public async Task Instances_can_be_listed_by_definition_and_status()
    {
        var (approval, _) = await host.StartApprovalAsync();
        var guarded = await StartGuardedAsync(fail: false);

        var waitingApprovals = await Client.GetFromJsonAsync<List<InstanceSummary>>("/api/instances?definitionId=approval&status=waiting", RunningHost.Json);

        Assert.Contains(waitingApprovals!, i => i.Id == approval.Id);
        Assert.DoesNotContain(waitingApprovals!, i => i.Id == guarded.Id);
        Assert.All(waitingApprovals!, i => Assert.Equal(InstanceStatus.Waiting, i.Status));
    }

    [Fact]
    public async Task Cancelling_a_waiting_instance_cancels_its_open_task_and_a_second_cancel_is_a_409_problem()
    {
        var instance = await StartGuardedAsync(fail: false);
        var task = await host.OpenTaskOfAsync(instance.Id);

        var cancel = await Client.PostAsJsonAsync($"/api/instances/{instance.Id}/cancel", new { reason = "started by mistake" });

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(InstanceStatus.Cancelled, (await cancel.ReadAsync<InstanceDetail>()).Status);
        var closedTask = await Client.GetFromJsonAsync<TaskResponse>($"/api/tasks/{task.Id}", RunningHost.Json);
        Assert.Equal(HumanTaskStatus.Cancelled, closedTask!.Status);
        var journal = await Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{instance.Id}/journal", RunningHost.Json);
        Assert.Equal("started by mistake", journal!.Single(e => e.Kind == JournalKind.Cancelled).Data?["reason"]?.GetValue<string>());
        await Problems.AssertAsync(await Client.PostAsync($"/api/instances/{instance.Id}/cancel", null), HttpStatusCode.Conflict, "already cancelled");
    }

    [Fact]
    public async Task A_faulted_instance_shows_its_fault_and_a_retry_runs_the_failed_activity_again()
    {
        var instance = await StartGuardedAsync(fail: true);

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal(new InstanceFault("asked to fail", "stop"), instance.Fault);

        var retry = await Client.PostAsync($"/api/instances/{instance.Id}/retry", null);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(InstanceStatus.Faulted, (await retry.ReadAsync<InstanceDetail>()).Status);
        var journal = await Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{instance.Id}/journal", RunningHost.Json);
        Assert.Equal([JournalKind.Faulted, JournalKind.Retried, JournalKind.Faulted],
            journal!.Where(e => e.Kind is JournalKind.Faulted or JournalKind.Retried).Select(e => e.Kind));
    }

    [Fact]
    public async Task Retrying_an_instance_that_has_not_faulted_is_a_409_problem()
    {
        var instance = await StartGuardedAsync(fail: false);

        var retry = await Client.PostAsync($"/api/instances/{instance.Id}/retry", null);

        await Problems.AssertAsync(retry, HttpStatusCode.Conflict, "Only a faulted instance can be retried");
    }

    private async Task<InstanceDetail> StartGuardedAsync(bool fail)
    {
        var response = await Client.PostAsJsonAsync("/api/instances", new { definitionId = "guarded", input = new JsonObject { ["fail"] = fail } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<InstanceDetail>();
    }
}
