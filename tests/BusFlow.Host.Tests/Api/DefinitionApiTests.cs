using System.Net;
using System.Net.Http.Json;
using BusFlow.Host.Api.Definitions;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class DefinitionApiTests(ApiHostFixture host)
{
    [Fact]
    public async Task The_list_shows_the_latest_version_of_each_published_definition_with_its_inputs()
    {
        var definitions = await host.Client.GetFromJsonAsync<List<DefinitionSummary>>("/api/definitions", RunningHost.Json) ?? [];

        Assert.Equal(["approval", "guarded", "short-delay", "signalled"], definitions.Select(d => d.Id));
        var approval = definitions[0];
        Assert.Equal(1, approval.Version);
        Assert.Equal("Godkännande", approval.Name);
        Assert.Equal(["subject", "approver"], approval.Inputs.Select(i => i.Name));
        Assert.Equal("string", approval.Inputs[0].Type);
        Assert.True(approval.Inputs[0].Required);
        Assert.Equal("What is to be approved.", approval.Inputs[0].Description);
    }

    [Fact]
    public async Task One_definition_comes_with_its_JSON_text_as_published()
    {
        var approval = await host.Client.GetFromJsonAsync<DefinitionDetail>("/api/definitions/approval", RunningHost.Json);

        Assert.Equal(TestWorkflows.Approval, approval!.Json);
        Assert.EndsWith("approval.json", approval.SourceFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_definition_is_a_404_problem()
    {
        var response = await host.Client.GetAsync("/api/definitions/nothing-here");

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "nothing-here");
    }
}
