using System.Net;
using System.Net.Http.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class SignalApiTests(ApiHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task A_signal_with_fitting_data_resumes_the_instance_and_the_journal_names_its_sender()
    {
        var instance = await StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instance.Id}/signals/documentsReady")
        {
            Content = JsonContent.Create(new { count = 3 }),
        };
        using var registrator = await host.Host.ClientForAsync("registrator@example.se", [BusFlow.Accounts.AccountRoles.Administrator]);
        var response = await registrator.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivery = await response.ReadAsync<SignalDeliveryResponse>();
        Assert.Equal((instance.Id, "documents", InstanceStatus.Completed), (delivery.InstanceId, delivery.ActivityId, delivery.InstanceStatus));
        var detail = await Client.GetFromJsonAsync<InstanceDetail>($"/api/instances/{instance.Id}", RunningHost.Json);
        Assert.Equal(3, detail!.Variables["ready"]?["data"]?["count"]?.GetValue<int>());
        Assert.Equal("registrator@example.se", detail.Variables["ready"]?["sentBy"]?.GetValue<string>());
        var journal = await Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{instance.Id}/journal", RunningHost.Json);
        var received = Assert.Single(journal!, e => e.Kind == JournalKind.SignalReceived);
        Assert.Equal(("registrator@example.se", "documentsReady"), (received.Actor, received.Data?["signal"]?.GetValue<string>()));

        await Problems.AssertAsync(
            await Client.PostAsJsonAsync($"/api/instances/{instance.Id}/signals/documentsReady", new { count = 4 }),
            HttpStatusCode.Conflict, "is completed; it waits for no signal");
    }

    [Fact]
    public async Task Data_that_does_not_fit_is_a_422_problem_naming_each_field_and_changes_nothing()
    {
        var instance = await StartAsync();

        var problem = await Problems.AssertAsync(
            await Client.PostAsJsonAsync($"/api/instances/{instance.Id}/signals/documentsReady", new { count = "tre", by = "x" }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            [("$.count", "expected a whole number but found the text \"tre\""), ("$.by", "this signal carries no 'by' (it carries count)")],
            problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString(), e.GetProperty("message").GetString())));
        var detail = await Client.GetFromJsonAsync<InstanceDetail>($"/api/instances/{instance.Id}", RunningHost.Json);
        Assert.Equal(InstanceStatus.Waiting, detail!.Status);
    }

    [Fact]
    public async Task A_signal_nothing_waits_for_is_a_409_and_an_unknown_instance_a_404()
    {
        var instance = await StartAsync();

        await Problems.AssertAsync(
            await Client.PostAsync($"/api/instances/{instance.Id}/signals/meetingCancelled", null),
            HttpStatusCode.Conflict, "Nothing in this instance waits for the signal 'meetingCancelled' now.");
        await Problems.AssertAsync(
            await Client.PostAsJsonAsync($"/api/instances/{Guid.NewGuid()}/signals/documentsReady", new { count = 1 }),
            HttpStatusCode.NotFound, "No workflow instance");
    }

    private async Task<InstanceDetail> StartAsync()
    {
        var response = await Client.PostAsJsonAsync("/api/instances", new { definitionId = "signalled" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<InstanceDetail>();
    }
}
