using System.Net;
using System.Net.Http.Json;
using BusFlow.Host.Api.People;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.People;

/// <summary>The coordinator's address changes while she has the draft of the next agreement to present: the task goes with her (the mail and the links are proven in TaskAddressMoveTests).</summary>
public sealed class AddressChangeApiTests : IAsyncLifetime
{
    private const string NewAddress = "samordnare@ny.exempelby.test";

    private DemoHost? _demo;

    private HttpClient Client => _demo!.Host.Client;

    public async Task InitializeAsync() => _demo = await DemoHost.StartAsync();

    public Task DisposeAsync() => _demo?.DisposeAsync() ?? Task.CompletedTask;

    [Fact]
    public async Task A_new_address_given_through_the_api_takes_the_persons_open_task_with_it_and_journals_it()
    {
        var draft = Assert.Single(await OpenTasksAsync(), t => t.ActivityId == "prepareDraft");
        var people = await Client.GetFromJsonAsync<List<PersonResponse>>("/api/people", RunningHost.Json);
        var coordinator = Assert.Single(people!, p => string.Equals(p.Email, draft.Assignee, StringComparison.OrdinalIgnoreCase));

        using var changed = await Client.PutAsJsonAsync($"/api/people/{coordinator.Id}", new { name = coordinator.Name, email = NewAddress, language = coordinator.Language });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(NewAddress, Assert.Single(await OpenTasksAsync(), t => t.Id == draft.Id).Assignee);
        var journal = await Client.GetStringAsync($"/api/instances/{draft.InstanceId}/journal");
        Assert.Contains("TaskReassigned", journal, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<List<TaskResponse>> OpenTasksAsync() =>
        (await Client.GetFromJsonAsync<List<TaskResponse>>("/api/tasks?status=open&take=500", RunningHost.Json))!;
}
