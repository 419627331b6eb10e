using System.Net;
using System.Net.Http.Json;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api.Agreements;

/// <summary>
/// Nothing in the journal can be edited through the API: no route changes or deletes a line, of an
/// instance's journal or of an agreement's export, and the lines stay as they were. (Storage refuses
/// the same at the database layer: OfficialRecordTests in BusFlow.Storage.Tests.)
/// </summary>
[Collection(AgreementJournalHostCollection.Name)]
public sealed class JournalImmutabilityApiTests(AgreementJournalHostFixture fixture)
{
    public static TheoryData<string, string> WritesToJournals()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in new[] { "PUT", "PATCH", "DELETE", "POST" })
        {
            foreach (var path in new[] { "/api/agreements/{agreement}/journal", "/api/agreements/{agreement}/journal.csv", "/api/instances/{instance}/journal" })
            {
                data.Add(method, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WritesToJournals))]
    public async Task Writing_to_a_journal_is_a_405_problem_and_the_journal_is_unchanged(string method, string pathTemplate)
    {
        var instanceId = fixture.Decided.InstanceId;
        var path = pathTemplate.Replace("{agreement}", AgreementJournalHostFixture.Draft, StringComparison.Ordinal)
            .Replace("{instance}", instanceId.ToString(), StringComparison.Ordinal);
        var before = await fixture.Client.GetStringAsync($"/api/instances/{instanceId}/journal");

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new[] { new { sequence = 1, actor = "någon annan" } }) };
        await Problems.AssertAsync(await fixture.Client.SendAsync(request), HttpStatusCode.MethodNotAllowed, method);

        Assert.Equal(before, await fixture.Client.GetStringAsync($"/api/instances/{instanceId}/journal"));
        Assert.NotEmpty((await fixture.Client.GetFromJsonAsync<List<JournalEntryResponse>>($"/api/instances/{instanceId}/journal", RunningHost.Json))!);
    }
}
