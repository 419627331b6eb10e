using System.Net;
using System.Text;
using BusFlow.Host.Tests.Support;

namespace BusFlow.Host.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class ErrorResponseTests(ApiHostFixture host)
{
    [Fact]
    public async Task A_malformed_JSON_body_is_a_400_problem_that_says_the_JSON_is_not_valid()
    {
        using var body = new StringContent("{\"definitionId\": \"approval\",", Encoding.UTF8, "application/json");

        var response = await host.Client.PostAsync("/api/instances", body);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task An_unknown_route_under_api_is_a_404_problem()
    {
        var response = await host.Client.GetAsync("/api/no/such/thing");

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "/api/no/such/thing");
    }

    [Fact]
    public async Task A_method_a_route_does_not_take_is_a_405_problem()
    {
        var response = await host.Client.DeleteAsync("/api/instances");

        await Problems.AssertAsync(response, HttpStatusCode.MethodNotAllowed, "DELETE");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415_problem()
    {
        using var body = new StringContent("approve", Encoding.UTF8, "text/plain");

        var response = await host.Client.PostAsync($"/api/tasks/{Guid.NewGuid()}/complete", body);

        await Problems.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }
}
