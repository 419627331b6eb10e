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
        var (result, _) = await CheckUnmigratedAsync(contexts => new DatabaseHealthCheck(contexts, new HealthSettings()));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task A_database_without_this_builds_migrations_is_not_ready_with_the_number_pending()
    {
        var (result, migrations) = await CheckUnmigratedAsync(contexts => new MigrationsHealthCheck(contexts, new HealthSettings()));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(migrations, result.Data[MigrationsHealthCheck.PendingKey]);
    }

    /// <summary>A check's result on a database that has none of this build's migrations, and how many this build has.</summary>
    private static async Task<(HealthCheckResult Result, int Migrations)> CheckUnmigratedAsync(Func<IDbContextFactory<BusFlowDbContext>, IHealthCheck> check)
    {
        await using var database = SqliteTestDatabase.Create();
        var contexts = database.BuildServices().GetRequiredService<IDbContextFactory<BusFlowDbContext>>();
        var result = await check(contexts).CheckHealthAsync(new HealthCheckContext());
        await using var db = await contexts.CreateDbContextAsync();
        return (result, db.Database.GetMigrations().Count());
    }
}
