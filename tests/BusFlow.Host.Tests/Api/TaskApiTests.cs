using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;
using NodaTime;

namespace BusFlow.Host.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class TaskApiTests(ApiHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task Answering_a_task_that_was_already_answered_is_a_409_problem_saying_who_answered_and_when()
    {
        var (_, task) = await host.StartApprovalAsync();
        using var first = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/complete") { Content = JsonContent.Create(new { outcome = "approve" }) };
        using var anna = await host.Host.ClientForAsync("anna@example.se", []);
        var answered = await (await anna.SendAsync(first)).ReadAsync<TaskResponse>();

        var second = await Client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "reject" });

        var problem = await Problems.AssertAsync(second, HttpStatusCode.Conflict, "already answered 'approve' by anna@example.se");
        Assert.Equal("anna@example.se", problem.GetProperty("completedBy").GetString());
        Assert.Equal("approve", problem.GetProperty("outcome").GetString());
        Assert.Equal(answered.ClosedAt, problem.GetProperty("closedAt").Deserialize<Instant>(RunningHost.Json));
        var unchanged = await Client.GetFromJsonAsync<TaskResponse>($"/api/tasks/{task.Id}", RunningHost.Json);
        Assert.Equal("approve", unchanged!.Outcome);
    }

    [Fact]
    public async Task An_outcome_the_task_does_not_allow_is_a_422_problem_listing_the_allowed_ones()
    {
        var (_, task) = await host.StartApprovalAsync();

        var response = await Client.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "maybe" });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "approve, reject");
        Assert.Equal(["approve", "reject"], problem.GetProperty("allowedOutcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("$.outcome", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal(HumanTaskStatus.Open, (await Client.GetFromJsonAsync<TaskResponse>($"/api/tasks/{task.Id}", RunningHost.Json))!.Status);
    }

    [Fact]
    public async Task Answering_an_unknown_task_is_a_404_problem()
    {
        var response = await Client.PostAsJsonAsync($"/api/tasks/{Guid.NewGuid()}/complete", new { outcome = "approve" });

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "No task");
    }

    [Fact]
    public async Task Tasks_can_be_listed_by_assignee_and_status()
    {
        var (_, task) = await host.StartApprovalAsync("Listing");

        var open = await Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?assignee=anna@example.se&status=open", RunningHost.Json);
        var nobodys = await Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?assignee=nobody@example.se", RunningHost.Json);

        Assert.Contains(open!, t => t.Id == task.Id);
        Assert.All(open!, t => Assert.Equal(HumanTaskStatus.Open, t.Status));
        Assert.Empty(nobodys!);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_400_problem_naming_the_allowed_ones()
    {
        var response = await Client.GetAsync("/api/tasks?status=done");

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "open, completed, cancelled");
    }
}
