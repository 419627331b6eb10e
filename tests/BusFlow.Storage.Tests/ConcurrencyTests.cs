using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Storage.Tests;

public sealed class ConcurrencyTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Fact]
    public async Task Postgres_second_commit_of_an_instance_changed_meanwhile_conflicts_and_writes_nothing()
    {
        await using var fixture = await StoreFixture.CreateAsync(StorageOptions.Postgres);
        var seeded = await fixture.SeedInstanceAsync();

        await using var first = await fixture.Store.BeginAsync();
        await using var second = await fixture.Store.BeginAsync();
        var firstCopy = (await first.FindInstanceAsync(seeded.Id, default))!;
        var secondCopy = (await second.FindInstanceAsync(seeded.Id, default))!;
        firstCopy.StateJson = """{"by":"first"}""";
        secondCopy.StateJson = """{"by":"second"}""";

        await first.CommitAsync(default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync(default));

        var saved = (await fixture.ReadAsync(s => s.FindInstanceAsync(seeded.Id, default)))!;
        Assert.Equal("""{"by":"first"}""", saved.StateJson);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task Postgres_removing_a_bookmark_another_session_removed_conflicts()
    {
        await using var fixture = await StoreFixture.CreateAsync(StorageOptions.Postgres);
        var instance = await fixture.SeedInstanceAsync();
        var bookmark = Sample.Bookmark(instance);
        await fixture.WriteAsync(s => s.Add(bookmark));

        await using var first = await fixture.Store.BeginAsync();
        await using var second = await fixture.Store.BeginAsync();
        first.Remove((await first.FindBookmarkAsync(bookmark.Id, default))!);
        second.Remove((await second.FindBookmarkAsync(bookmark.Id, default))!);

        await first.CommitAsync(default);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.CommitAsync(default));
    }

    [Fact]
    public async Task Sqlite_second_writer_waits_for_the_first_and_sees_its_change()
    {
        await using var fixture = await StoreFixture.CreateAsync(StorageOptions.Sqlite);
        var seeded = await fixture.SeedInstanceAsync();

        await using var first = await fixture.Store.BeginAsync();
        (await first.FindInstanceAsync(seeded.Id, default))!.StateJson = """{"by":"first"}""";
        // Microsoft.Data.Sqlite begins synchronously: wait for the lock on another thread.
        var beginSecond = Task.Run(() => fixture.Store.BeginAsync());
        var winner = await Task.WhenAny(beginSecond, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.NotSame(beginSecond, winner);

        await first.CommitAsync(default);
        await using var second = await beginSecond.WaitAsync(TimeSpan.FromSeconds(10));
        var secondCopy = (await second.FindInstanceAsync(seeded.Id, default))!;
        Assert.Equal("""{"by":"first"}""", secondCopy.StateJson);
        Assert.Equal(1, secondCopy.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_writers_of_one_instance_never_lose_an_update(string provider)
    {
        const int writers = 4;
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var seeded = await fixture.SeedInstanceAsync();

        async Task AppendOneAsync()
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var session = await fixture.Store.BeginAsync();
                    var instance = (await session.FindInstanceAsync(seeded.Id, default))!;
                    await Task.Yield();
                    instance.JournalLength++;
                    await session.CommitAsync(default);
                    return;
                }
                catch (ConcurrencyConflictException) when (attempt < 50)
                {
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(AppendOneAsync)));

        var saved = (await fixture.ReadAsync(s => s.FindInstanceAsync(seeded.Id, default)))!;
        Assert.Equal(writers, saved.JournalLength);
        Assert.Equal(writers, saved.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Saving_over_a_row_version_that_moved_on_conflicts_and_writes_nothing(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var seeded = await fixture.SeedInstanceAsync();

        await using (var session = await fixture.Store.BeginAsync())
        {
            var instance = (await session.FindInstanceAsync(seeded.Id, default))!;
            // What another writer would have done since the load; on SQLite no other writer can get in.
            await StoreFixture.ContextOf(session).Database.ExecuteSqlAsync(
                $"UPDATE workflow_instances SET version = version + 1 WHERE id = {seeded.Id}");
            instance.StateJson = """{"stale":true}""";

            var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => session.CommitAsync(default));
            Assert.IsType<DbUpdateConcurrencyException>(conflict.InnerException);
        }

        var saved = (await fixture.ReadAsync(s => s.FindInstanceAsync(seeded.Id, default)))!;
        Assert.Equal("{}", saved.StateJson);
        Assert.Equal(0, saved.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Removing_a_bookmark_that_is_already_gone_conflicts(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var bookmark = Sample.Bookmark(instance);
        var other = Sample.Bookmark(instance);
        await fixture.WriteAsync(s =>
        {
            s.Add(bookmark);
            s.Add(other);
        });

        await using (var session = await fixture.Store.BeginAsync())
        {
            var loaded = (await session.FindBookmarkAsync(bookmark.Id, default))!;
            session.Remove((await session.FindBookmarkAsync(other.Id, default))!);
            await StoreFixture.ContextOf(session).Database.ExecuteSqlAsync($"DELETE FROM bookmarks WHERE id = {bookmark.Id}");
            session.Remove(loaded);

            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => session.CommitAsync(default));
        }

        var left = await fixture.ReadAsync(s => s.ListBookmarksAsync(instance.Id, default));
        Assert.Equal(2, left.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_second_instance_with_the_same_correlation_key_conflicts_and_is_not_written(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var first = await fixture.SeedInstanceAsync("elev-42");

        await using (var session = await fixture.Store.BeginAsync())
        {
            var definition = (await session.FindDefinitionAsync(first.DefinitionId, first.DefinitionVersion, default))!;
            session.Add(Sample.Instance(definition, "elev-42"));
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => session.CommitAsync(default));
        }

        var instances = await fixture.ReadAsync(s => s.ListInstancesAsync(new InstanceQuery(), default));
        Assert.Equal(first.Id, Assert.Single(instances).Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Instances_without_a_correlation_key_do_not_collide(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await fixture.SeedInstanceAsync();
        await fixture.SeedInstanceAsync();
        await fixture.SeedInstanceAsync("elev-1");

        var instances = await fixture.ReadAsync(s => s.ListInstancesAsync(new InstanceQuery(), default));
        Assert.Equal(3, instances.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_journal_sequence_number_written_twice_conflicts(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        await fixture.WriteAsync(s => s.Add(Sample.Journal(instance, 1)));

        await using var session = await fixture.Store.BeginAsync();
        session.Add(Sample.Journal(instance, 1, JournalKind.Faulted));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => session.CommitAsync(default));
    }
}
