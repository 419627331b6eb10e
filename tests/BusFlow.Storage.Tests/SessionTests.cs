using BusFlow.Engine.Persistence;
using BusFlow.Testing;

namespace BusFlow.Storage.Tests;

public sealed class SessionTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Disposing_a_session_without_commit_writes_nothing(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var seeded = await fixture.SeedInstanceAsync();

        await using (var session = await fixture.Store.BeginAsync())
        {
            (await session.FindInstanceAsync(seeded.Id, default))!.Status = InstanceStatus.Completed;
            session.Add(Sample.Journal(seeded, 1, JournalKind.InstanceCompleted));
            session.Add(Sample.Instance(Sample.Definition(), "never-written"));
        }

        await using var check = await fixture.Store.BeginAsync();
        Assert.Equal(InstanceStatus.Running, (await check.FindInstanceAsync(seeded.Id, default))!.Status);
        Assert.Empty(await check.ListJournalAsync(seeded.Id, default));
        Assert.Single(await check.ListInstancesAsync(new InstanceQuery(), default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_commit_whose_last_save_fails_writes_nothing_of_the_session(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var seeded = await fixture.SeedInstanceAsync();

        await using (var session = await fixture.Store.BeginAsync())
        {
            session.Add(Sample.Instance(Sample.Definition(), "saved-beside-the-failure"));
            var sameId = Sample.Instance(Sample.Definition(), "the-failure");
            sameId.Id = seeded.Id;
            session.Add(sameId);

            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => session.CommitAsync(default));
        }

        await using var check = await fixture.Store.BeginAsync();
        Assert.Equal([seeded.Id], (await check.ListInstancesAsync(new InstanceQuery(), default)).Select(i => i.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_session_commits_once(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await using var session = await fixture.Store.BeginAsync();
        session.Add(Sample.Definition());
        await session.CommitAsync(default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.CommitAsync(default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_session_sees_its_own_uncommitted_changes(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();

        await using (var session = await fixture.Store.BeginAsync())
        {
            var bookmark = Sample.Bookmark(instance);
            var timer = Sample.Timer(instance, Sample.T0);
            timer.BookmarkId = bookmark.Id;
            var task = Sample.Task(instance);
            session.Add(bookmark);
            session.Add(timer);
            session.Add(task);

            Assert.Same(bookmark, await session.FindBookmarkAsync(bookmark.Id, default));
            Assert.Same(timer, await session.FindPendingTimerByBookmarkAsync(bookmark.Id, default));
            Assert.Same(task, await session.FindOpenTaskByBookmarkAsync(task.BookmarkId, default));
            Assert.Equal([timer.Id], (await session.ListDueTimersAsync(Sample.T0, 10, default)).Select(t => t.Id));

            // Cancelled and removed in the same operation that created them, as a frame that ends at once does.
            timer.Status = TimerStatus.Cancelled;
            task.Status = HumanTaskStatus.Cancelled;
            session.Remove(bookmark);

            Assert.Null(await session.FindBookmarkAsync(bookmark.Id, default));
            Assert.Null(await session.FindPendingTimerByBookmarkAsync(bookmark.Id, default));
            Assert.Null(await session.FindOpenTaskByBookmarkAsync(task.BookmarkId, default));
            Assert.Empty(await session.ListPendingTimersAsync(default));
        }

        await using var check = await fixture.Store.BeginAsync();
        Assert.Empty(await check.ListBookmarksAsync(instance.Id, default));
        Assert.Empty(await check.ListTasksAsync(new TaskQuery(InstanceId: instance.Id), default));
        Assert.Null(await check.FindNextPendingTimerAsync(default));
    }

    [Fact]
    public async Task Postgres_a_lost_race_can_surface_from_a_query_as_a_conflict()
    {
        await using var fixture = await StoreFixture.CreateAsync(StorageOptions.Postgres);
        var seeded = await fixture.SeedInstanceAsync();

        await using var first = await fixture.Store.BeginAsync();
        await using var second = await fixture.Store.BeginAsync();
        (await first.FindInstanceAsync(seeded.Id, default))!.JournalLength = 1;
        (await second.FindInstanceAsync(seeded.Id, default))!.JournalLength = 2;
        await first.CommitAsync(default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.ListJournalAsync(seeded.Id, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_committed_session_takes_no_more_queries(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        await using var session = await fixture.Store.BeginAsync();
        await session.CommitAsync(default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.ListPendingTimersAsync(default));
    }
}
