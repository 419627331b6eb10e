using System.Globalization;
using BusFlow.Bus.Model;
using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Storage.Tests.Bus;

public sealed class BusDomainMigrationTests
{
    private static readonly string[] BusTables =
    [
        "organizations", "boards", "board_meetings", "people", "role_assignments", "collaboration_bodies",
        "agreements", "agreement_revisions", "party_decisions", "party_signatures",
    ];

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_BusDomain_migration_creates_the_bus_tables_on_an_empty_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = database.BuildServices();

        await BusFlowDatabase.MigrateAsync(services);

        await using var db = await services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContextAsync();
        // Later migrations (Outbox, …) follow it; OutboxMigrationTests checks which one is the latest.
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_BusDomain", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration: add one");
        foreach (var table in BusTables)
        {
            Assert.Equal(0L, await CountAsync(database, table));
        }

        Assert.Null(await database.ScalarAsync("SELECT answer_data_json FROM tasks"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_BusDomain_migration_applies_on_a_database_at_the_previous_migration_and_keeps_its_rows(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = database.BuildServices();
        var contexts = services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>();
        var taskId = Guid.NewGuid();
        var instanceId = Guid.NewGuid();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_BusDomain", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            Assert.Equal(previous, (await db.Database.GetAppliedMigrationsAsync()).Last());

            // Rows written by the previous build, in its schema (no answer_data_json yet).
            var at = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
            await db.Database.ExecuteSqlInterpolatedAsync($$"""
                INSERT INTO workflow_definitions (definition_id, version, name, json, content_hash, source_file, published_at)
                VALUES ('board-decision', 1, 'Beslut i nämnd', '{}', 'sha256:1', 'workflows/board-decision.json', {{at}})
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($$"""
                INSERT INTO workflow_instances (id, definition_id, definition_version, status, input_json, state_json, created_at, updated_at, journal_length, version)
                VALUES ({{instanceId}}, 'board-decision', 1, 'Waiting', '{}', '{}', {{at}}, {{at}}, 0, 0)
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($$"""
                INSERT INTO tasks (id, instance_id, bookmark_id, activity_id, assignee, title, outcomes, status, created_at, version)
                VALUES ({{taskId}}, {{instanceId}}, {{Guid.NewGuid()}}, 'recordDecision', 'sekreterare@example.org', 'För in beslutet', '["approve"]', 'Open', {{at}}, 0)
                """);
        }

        await BusFlowDatabase.MigrateAsync(services);

        var store = services.GetRequiredService<IWorkflowStore>();
        await using (var session = await store.BeginAsync())
        {
            var task = await session.FindTaskAsync(taskId, default);
            Assert.NotNull(task);
            Assert.Null(task.AnswerDataJson);
            Assert.Equal(["approve"], task.Outcomes);
            task.AnswerDataJson = """{"paragraph":"§ 12"}""";
            session.Facet<IBusRecords>().Add(new Organization { Id = "provby", Name = "Provby kommun", Kind = OrganizationKind.Municipality });
            await session.CommitAsync(default);
        }

        await using var check = await store.BeginAsync();
        Assert.Equal("""{"paragraph":"§ 12"}""", (await check.FindTaskAsync(taskId, default))!.AnswerDataJson);
        Assert.Equal(InstanceStatus.Waiting, (await check.FindInstanceAsync(instanceId, default))!.Status);
        Assert.NotNull(await check.Facet<IBusRecords>().FindOrganizationAsync("provby", default));
        Assert.Null(await check.Facet<IBusRecords>().FindRoleHolderAsync(RoleKind.Chair, "sn", new LocalDate(2026, 1, 1), default));
    }

    private static async Task<long> CountAsync(TestDatabase database, string table) =>
        Convert.ToInt64(await database.ScalarAsync($"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture);
}
