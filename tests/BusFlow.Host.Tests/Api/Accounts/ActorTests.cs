using System.Net;
using System.Net.Http.Json;
using BusFlow.Engine.Persistence;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Api.Tasks;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Accounts;

/// <summary>
/// Who made a change is the person signed in, by token or by session: the journal and the task say so,
/// whatever an X-BusFlow-Actor header claims.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class ActorTests(ApiHostFixture host)
{
    private const string ActorHeader = "X-BusFlow-Actor";
    private const string Impostor = "mallory@example.se";

    [Fact]
    public async Task A_start_and_a_cancel_are_journalled_under_the_administrator_whose_token_made_them_not_the_header()
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "/api/instances") { Content = JsonContent.Create(new { definitionId = "guarded", input = new { fail = false } }) };
        start.Headers.Add(ActorHeader, Impostor);
        var instance = await (await host.Client.SendAsync(start)).ReadAsync<InstanceDetail>();
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/instances/{instance.Id}/cancel") { Content = JsonContent.Create(new { reason = "test" }) };
        cancel.Headers.Add(ActorHeader, Impostor);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(cancel)).StatusCode);

        var journal = await JournalAsync(instance.Id);
        Assert.Equal(TestAccounts.AdministratorEmail, Assert.Single(journal, e => e.Kind == JournalKind.InstanceStarted).Actor);
        Assert.Equal(TestAccounts.AdministratorEmail, Assert.Single(journal, e => e.Kind == JournalKind.Cancelled).Actor);
        Assert.DoesNotContain(journal, e => e.Actor == Impostor);
    }

    [Fact]
    public async Task An_answer_by_token_names_the_tokens_owner_as_completedBy_and_in_the_journal_not_the_header()
    {
        var (instance, task) = await host.StartApprovalAsync("Actor by token");
        using var anna = await host.Host.ClientForAsync("anna@example.se", []);

        var answered = await AnswerAsync(anna, task.Id);

        Assert.Equal("anna@example.se", answered.CompletedBy);
        var journal = await JournalAsync(instance.Id);
        Assert.Equal("anna@example.se", Assert.Single(journal, e => e.Kind == JournalKind.TaskCompleted).Actor);
        Assert.DoesNotContain(journal, e => e.Actor == Impostor);
    }

    [Fact]
    public async Task An_answer_in_a_session_names_the_signed_in_person_as_completedBy_and_in_the_journal_not_the_header()
    {
        var (instance, task) = await host.StartApprovalAsync("Actor by session");
        using var anna = await TestSessions.SignedInAsync(host.Host, "anna@example.se", [], totp: false);

        var answered = await AnswerAsync(anna.Http, task.Id);

        Assert.Equal("anna@example.se", answered.CompletedBy);
        var journal = await JournalAsync(instance.Id);
        Assert.Equal("anna@example.se", Assert.Single(journal, e => e.Kind == JournalKind.TaskCompleted).Actor);
        Assert.DoesNotContain(journal, e => e.Actor == Impostor);
    }

    private static async Task<TaskResponse> AnswerAsync(HttpClient client, Guid taskId)
    {
        using var answer = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = JsonContent.Create(new { outcome = "approve" }) };
        answer.Headers.Add(ActorHeader, Impostor);
        using var response = await client.SendAsync(answer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<TaskResponse>();
    }

    private async Task<List<JournalEntryResponse>> JournalAsync(Guid instanceId) =>
        (await host.Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{instanceId}/journal", RunningHost.Json))!;
}
