using BusFlow.Host.Tests.Support;
using BusFlow.Testing;

namespace BusFlow.Host.Tests.Cli;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_on_PostgreSQL_with_jobs_there_too_installs_BusFlow_s_tables_and_Hangfire_s()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["BusFlow:Storage:Provider"] = database.Provider,
            ["BusFlow:Storage:ConnectionString"] = database.ConnectionString,
            ["BusFlow:Jobs:Storage"] = "PostgreSql",
        };

        var run = await CliRun.RunAsync(["migrate"], settings);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("The Postgres database is up to date.", run.OutputLines[0]);
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM workflow_instances"));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM hangfire.job"));
    }
}
