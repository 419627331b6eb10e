using System.Globalization;
using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BusFlow.Storage.Tests;

public sealed class JournalBatchTests
{
    private const string Migration = "_JournalOneRowPerFlush";

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_lines_a_transaction_appends_are_one_row_per_instance_and_read_back_as_written(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var first = await fixture.SeedInstanceAsync("a");
        var second = await fixture.SeedInstanceAsync("b");
        var written = new[]
        {
            Line(first, 1, JournalKind.InstanceStarted, null, null),
            Line(second, 1, JournalKind.TaskCreated, "granska", """{"title":"Yttrande från Åre","due":"2026-05-04","n":[1,2.5,null]}"""),
            Line(first, 2, JournalKind.TaskCompleted, "beslut", """{"outcome":"approve","comment":"\"ja\" — § 12"}"""),
            Line(first, 3, JournalKind.TimerScheduled, "vänta", """{}"""),
        };
        written[2].At = written[2].At.Plus(Duration.FromNanoseconds(123_456_700));

        await fixture.WriteAsync(s =>
        {
            foreach (var line in written)
            {
                s.Add(line);
            }
        });

        Assert.Equal(2L, await CountAsync(fixture.Database, "SELECT count(*) FROM journal_batches"));
        AssertLines([written[0], written[2], written[3]], await fixture.ReadAsync(s => s.ListJournalAsync(first.Id, default)));
        AssertLines([written[1]], await fixture.ReadAsync(s => s.ListJournalAsync(second.Id, default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Lines_appended_after_a_read_in_the_same_transaction_are_read_with_the_earlier_ones(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();

        await using (var session = await fixture.Store.BeginAsync())
        {
            session.Add(Line(instance, 1, JournalKind.InstanceStarted, null, null));
            session.Add(Line(instance, 2, JournalKind.ActivityStarted, "start", null));
            Assert.Equal([1, 2], (await session.ListJournalAsync(instance.Id, default)).Select(l => l.Sequence));
            session.Add(Line(instance, 3, JournalKind.InstanceCompleted, null, null));
            Assert.Equal([1, 2, 3], (await session.ListJournalAsync(instance.Id, default)).Select(l => l.Sequence));
            await session.CommitAsync(default);
        }

        Assert.Equal(2L, await CountAsync(fixture.Database, "SELECT count(*) FROM journal_batches"));
        Assert.Equal([1, 2, 3], (await fixture.ReadAsync(s => s.ListJournalAsync(instance.Id, default))).Select(l => l.Sequence));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrating_moves_each_line_of_the_old_journal_over_unchanged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = database.BuildServices();
        var instanceId = Guid.NewGuid();
        var started = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var answered = new DateTime(2026, 3, 2, 9, 15, 30, 250, DateTimeKind.Utc).AddTicks(1230);
        await using (var db = await services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(Previous(db));

            // Rows as the previous build wrote them: a line each.
            await db.Database.ExecuteSqlInterpolatedAsync($$"""
                INSERT INTO workflow_definitions (definition_id, version, name, json, content_hash, source_file, published_at)
                VALUES ('board-decision', 1, 'Beslut i nämnd', '{}', 'sha256:1', 'workflows/board-decision.json', {{started}})
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($$"""
                INSERT INTO workflow_instances (id, definition_id, definition_version, status, input_json, state_json, created_at, updated_at, journal_length, version)
                VALUES ({{instanceId}}, 'board-decision', 1, 'Waiting', '{}', '{}', {{started}}, {{answered}}, 2, 0)
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($$"""
                INSERT INTO journal (instance_id, sequence, at, kind, activity_id, actor, data_json)
                VALUES ({{instanceId}}, 1, {{started}}, 'InstanceStarted', NULL, 'anna.svensson', NULL),
                       ({{instanceId}}, 2, {{answered}}, 'TaskCompleted', 'beslut', 'Örjan Åberg', '{"outcome":"approve","comment":"§ 12 \"ja\""}')
                """);
        }

        await BusFlowDatabase.MigrateAsync(services);

        await using var session = await services.GetRequiredService<IWorkflowStore>().BeginAsync();
        var lines = await session.ListJournalAsync(instanceId, default);
        Assert.Equal([1, 2], lines.Select(l => l.Sequence));
        Assert.Equal([JournalKind.InstanceStarted, JournalKind.TaskCompleted], lines.Select(l => l.Kind));
        Assert.Equal([Instant.FromDateTimeUtc(started), Instant.FromDateTimeUtc(answered)], lines.Select(l => l.At));
        Assert.Equal([null, "beslut"], lines.Select(l => l.ActivityId));
        Assert.Equal(["anna.svensson", "Örjan Åberg"], lines.Select(l => l.Actor));
        Assert.Null(lines[0].DataJson);
        Assert.Equal("""{"outcome":"approve","comment":"§ 12 \"ja\""}""", lines[1].DataJson);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrating_down_unpacks_every_batch_into_the_old_journal(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        await fixture.WriteAsync(s =>
        {
            s.Add(Line(instance, 1, JournalKind.InstanceStarted, null, null));
            s.Add(Line(instance, 2, JournalKind.TaskCreated, "granska", """{"title":"Yttrande"}"""));
        });

        var services = fixture.Database.BuildServices();
        await using (var db = await services.GetRequiredService<IDbContextFactory<BusFlowDbContext>>().CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync(Previous(db));
        }

        Assert.Equal(2L, await CountAsync(fixture.Database, "SELECT count(*) FROM journal"));
        Assert.Equal("TaskCreated", await fixture.Database.ScalarAsync("SELECT kind FROM journal WHERE sequence = 2"));
        Assert.Equal("""{"title":"Yttrande"}""", await fixture.Database.ScalarAsync("SELECT data_json FROM journal WHERE sequence = 2"));
        Assert.Null(await fixture.Database.ScalarAsync("SELECT data_json FROM journal WHERE sequence = 1"));
    }

    private static string Previous(BusFlowDbContext db)
    {
        var migrations = db.Database.GetMigrations().ToList();
        return migrations[migrations.FindIndex(m => m.EndsWith(Migration, StringComparison.Ordinal)) - 1];
    }

    private static JournalEntry Line(WorkflowInstance instance, int sequence, JournalKind kind, string? activityId, string? data)
    {
        var line = Sample.Journal(instance, sequence, kind);
        line.ActivityId = activityId;
        line.DataJson = data;
        line.Actor = "Åsa Öberg";
        return line;
    }

    private static void AssertLines(IReadOnlyList<JournalEntry> expected, IReadOnlyList<JournalEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(
                (want.InstanceId, want.Sequence, want.At, want.Kind, want.ActivityId, want.Actor, want.DataJson),
                (got.InstanceId, got.Sequence, got.At, got.Kind, got.ActivityId, got.Actor, got.DataJson));
        }
    }

    private static async Task<long> CountAsync(TestDatabase database, string sql) =>
        Convert.ToInt64(await database.ScalarAsync(sql), CultureInfo.InvariantCulture);
}
