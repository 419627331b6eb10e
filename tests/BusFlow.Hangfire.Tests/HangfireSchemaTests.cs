using BusFlow.Hangfire.Storage;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Hangfire.Tests;

public sealed class HangfireSchemaTests
{
    [Fact]
    public async Task Two_nodes_migrating_an_empty_database_at_once_both_succeed_and_leave_one_Hangfire_schema()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var first = database.BuildServices(s => s.AddLogging().AddSingleton(new JobOptions { Storage = JobOptions.PostgreSql }));
        var second = database.BuildServices(s => s.AddLogging().AddSingleton(new JobOptions { Storage = JobOptions.PostgreSql }));
        await BusFlowDatabase.MigrateAsync(first);

        await Task.WhenAll(
            Task.Run(() => HangfireSchema.InstallAsync(first)),
            Task.Run(() => HangfireSchema.InstallAsync(second)));

        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM hangfire.schema"));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM hangfire.job"));
    }

    [Fact]
    public async Task Jobs_kept_in_memory_need_no_schema_and_the_migration_leaves_the_database_without_one()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var services = database.BuildServices(s => s.AddLogging().AddSingleton(new JobOptions { Storage = JobOptions.InMemory }));

        await HangfireSchema.InstallAsync(services);

        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
    }
}
