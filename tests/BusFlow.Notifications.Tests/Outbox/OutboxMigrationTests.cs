using System.Globalization;
using BusFlow.Notifications.Delivery;
using BusFlow.Notifications.Messages;
using BusFlow.Notifications.Outbox;
using BusFlow.Notifications.Tests.Delivery;
using BusFlow.Storage;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Notifications.Tests.Outbox;

public sealed class OutboxMigrationTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_Outbox_migration_is_applied_and_the_model_needs_no_further_migration(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = database.BuildServices();

        await BusFlowDatabase.MigrateAsync(services);

        await using var db = await services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContextAsync();
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Outbox", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration: add one");
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync("SELECT COUNT(*) FROM outbox"), CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_Outbox_migration_applies_on_a_database_at_the_previous_migration_and_stores_enums_as_text(string provider)
    {
        await using var harness = await DeliveryHarness.StartAsync(new MailOptions(), provider);
        await using (var db = await harness.Services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_Outbox", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            Assert.DoesNotContain(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Outbox", StringComparison.Ordinal));
        }

        await BusFlowDatabase.MigrateAsync(harness.Services);
        var id = Assert.Single(await harness.EnqueueAsync(DeliveryHarness.Message(kind: EmailKind.Optional)));

        Assert.Equal("Pending", await harness.Database.ScalarAsync("SELECT status FROM outbox"));
        Assert.Equal("Optional", await harness.Database.ScalarAsync("SELECT kind FROM outbox"));
        Assert.Equal(OutboxStatus.Pending, (await harness.ReadAsync(id)).Status);
    }
}
