using System.Net;
using BusFlow.Host.Api.Health;
using BusFlow.Host.Tests.Support;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BusFlow.Host.Tests.Api;

[Collection(ApiHostCollection.Name)]
public sealed class HealthTests(ApiHostFixture host)
{
    [Fact]
    public async Task Health_is_200_Healthy_when_the_database_answers()
    {
        var response = await host.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_database_check_is_unhealthy_when_the_workflow_tables_do_not_answer()
    {
        await using var database = SqliteTestDatabase.Create();
        var services = database.BuildServices();
        var check = new DatabaseHealthCheck(services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}
