using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Storage.Tests;

public sealed class MigrationTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_apply_on_an_empty_database_and_match_the_model(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = database.BuildServices();

        await BusFlowDatabase.MigrateAsync(services);

        var contexts = services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration: add one");
        foreach (var table in new[] { "workflow_definitions", "workflow_instances", "bookmarks", "timers", "tasks", "journal_batches" })
        {
            Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrating_an_up_to_date_database_again_changes_nothing(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();

        await BusFlowDatabase.MigrateAsync(fixture.Database.BuildServices());

        Assert.NotNull(await fixture.ReadAsync(s => s.FindInstanceAsync(instance.Id, default)));
    }

    [Fact]
    public async Task Sqlite_database_gets_its_folder_and_the_wal_journal()
    {
        await using var database = SqliteTestDatabase.Create();
        Assert.False(Directory.Exists(database.DirectoryPath));

        await database.CreateStoreAsync();

        Assert.True(Directory.Exists(database.DirectoryPath));
        Assert.Equal("wal", await database.ScalarAsync("PRAGMA journal_mode"));
    }
}
