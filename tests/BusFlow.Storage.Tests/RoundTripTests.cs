using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests;

public sealed class RoundTripTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_entity_reads_back_as_written_with_all_fields_set(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var definition = Sample.Definition("skolskjuts", 3);
        var parentId = Guid.NewGuid();
        var instance = Sample.Instance(definition, "elev-42");
        instance.Status = InstanceStatus.Faulted;
        instance.OutputJson = """{"beslut":"bevilja"}""";
        instance.UpdatedAt = Sample.T0.Plus(Duration.FromNanoseconds(1_000));
        instance.FinishedAt = Sample.T0.Plus(Duration.FromDays(400)).Plus(Duration.FromNanoseconds(999_999_000));
        instance.FaultMessage = "Ingen handläggare";
        instance.FaultActivityId = "tilldela";
        instance.ParentInstanceId = parentId;
        instance.ParentBookmarkId = Guid.NewGuid();
        instance.JournalLength = 7;
        var bookmark = Sample.Bookmark(instance, BookmarkKind.ChildWorkflow);
        bookmark.FrameId = long.MaxValue;
        var timer = Sample.Timer(instance, Sample.T0.Plus(Duration.FromHours(36)), TimerStatus.Fired);
        timer.FiredAt = Sample.T0.Plus(Duration.FromHours(36)).Plus(Duration.FromNanoseconds(17_000));
        var task = Sample.Task(instance, "anna.svensson", HumanTaskStatus.Completed);
        task.Description = "Kontrollera avståndet till skolan.";
        task.Outcomes = ["Bevilja", "Avslå", "Återremittera \"med citat\""];
        task.DueDate = new LocalDate(2025, 12, 31);
        task.DataJson = """{"avstand_km":4.2}""";
        task.Outcome = "Bevilja";
        task.Comment = "Över 4 km.";
        task.CompletedBy = "anna.svensson";
        task.ClosedAt = Sample.T0.Plus(Duration.FromMinutes(5));
        var entry = Sample.Journal(instance, 1, JournalKind.TaskCompleted);
        entry.ActivityId = "granska";
        entry.DataJson = """{"outcome":"Bevilja"}""";

        await fixture.WriteAsync(s =>
        {
            s.Add(definition);
            s.Add(instance);
            s.Add(bookmark);
            s.Add(timer);
            s.Add(task);
            s.Add(entry);
        });

        await using var session = await fixture.Store.BeginAsync();
        AssertSame(definition, await session.FindDefinitionAsync("skolskjuts", 3, default));
        AssertSame(instance, await session.FindInstanceAsync(instance.Id, default));
        AssertSame(bookmark, await session.FindBookmarkAsync(bookmark.Id, default));
        AssertSame(timer, await session.FindTimerAsync(timer.Id, default));
        AssertSame(task, await session.FindTaskAsync(task.Id, default));
        AssertSame(entry, Assert.Single(await session.ListJournalAsync(instance.Id, default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Nullable_fields_read_back_as_null(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var definition = Sample.Definition();
        var instance = Sample.Instance(definition);
        var timer = Sample.Timer(instance, Sample.T0);
        var task = Sample.Task(instance);
        task.Outcomes = [];
        var entry = Sample.Journal(instance, 1);

        await fixture.WriteAsync(s =>
        {
            s.Add(definition);
            s.Add(instance);
            s.Add(timer);
            s.Add(task);
            s.Add(entry);
        });

        await using var session = await fixture.Store.BeginAsync();
        AssertSame(instance, await session.FindInstanceAsync(instance.Id, default));
        AssertSame(timer, await session.FindTimerAsync(timer.Id, default));
        AssertSame(task, await session.FindTaskAsync(task.Id, default));
        AssertSame(entry, Assert.Single(await session.ListJournalAsync(instance.Id, default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Enums_are_stored_by_name_and_lists_as_json(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var task = Sample.Task(instance, status: HumanTaskStatus.Cancelled);
        await fixture.WriteAsync(s => s.Add(task));

        Assert.Equal("Running", await fixture.Database.ScalarAsync("SELECT status FROM workflow_instances"));
        Assert.Equal("Cancelled", await fixture.Database.ScalarAsync("SELECT status FROM tasks"));
        Assert.Equal("""["Bevilja","Avslå"]""", await fixture.Database.ScalarAsync("SELECT outcomes FROM tasks"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_change_saves_the_row_and_advances_its_version(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var task = Sample.Task(instance);
        var timer = Sample.Timer(instance, Sample.T0);
        await fixture.WriteAsync(s =>
        {
            s.Add(task);
            s.Add(timer);
        });

        await using (var session = await fixture.Store.BeginAsync())
        {
            (await session.FindInstanceAsync(instance.Id, default))!.StateJson = """{"step":2}""";
            // Changed in place, not replaced: the list comparer must still notice.
            (await session.FindTaskAsync(task.Id, default))!.Outcomes.Add("Komplettera");
            (await session.FindTimerAsync(timer.Id, default))!.Status = TimerStatus.Cancelled;
            await session.CommitAsync(default);
        }

        await using var check = await fixture.Store.BeginAsync();
        var savedInstance = (await check.FindInstanceAsync(instance.Id, default))!;
        var savedTask = (await check.FindTaskAsync(task.Id, default))!;
        var savedTimer = (await check.FindTimerAsync(timer.Id, default))!;
        Assert.Equal("""{"step":2}""", savedInstance.StateJson);
        Assert.Equal(1, savedInstance.Version);
        Assert.Equal(["Bevilja", "Avslå", "Komplettera"], savedTask.Outcomes);
        Assert.Equal(1, savedTask.Version);
        Assert.Equal(TimerStatus.Cancelled, savedTimer.Status);
        Assert.Equal(1, savedTimer.Version);
    }

    private static void AssertSame<T>(T expected, T? actual)
        where T : class
    {
        Assert.NotNull(actual);
        foreach (var property in typeof(T).GetProperties())
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            if (want is List<string> list)
            {
                Assert.Equal(list, (List<string>)got!);
            }
            else
            {
                Assert.True(Equals(want, got), $"{typeof(T).Name}.{property.Name}: expected {want ?? "null"}, got {got ?? "null"}");
            }
        }
    }
}
