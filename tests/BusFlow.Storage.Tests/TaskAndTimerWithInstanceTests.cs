using BusFlow.Engine.Persistence;
using BusFlow.Testing;

namespace BusFlow.Storage.Tests;

/// <summary>
/// An answer and a timer read their task or timer together with its instance and bookmark; what the
/// engine then finds in the session must be exactly what a find of its own would have read.
/// </summary>
public sealed class TaskAndTimerWithInstanceTests
{
    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_task_read_with_its_instance_brings_the_instance_and_the_bookmark_as_stored(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync("med-uppgift");
        var bookmark = Sample.Bookmark(instance, BookmarkKind.Task);
        var task = Sample.Task(instance);
        task.BookmarkId = bookmark.Id;
        await fixture.WriteAsync(session =>
        {
            session.Add(bookmark);
            session.Add(task);
        });

        await using var read = await fixture.Store.BeginAsync();
        var found = await read.FindTaskWithInstanceAsync(task.Id, default);

        Assert.NotNull(found);
        Assert.Equal(("Granska ansökan", HumanTaskStatus.Open), (found.Title, found.Status));
        var foundInstance = await read.FindInstanceAsync(instance.Id, default);
        Assert.Equal(("med-uppgift", instance.InputJson), (foundInstance!.CorrelationKey, foundInstance.InputJson));
        Assert.Equal((instance.Id, BookmarkKind.Task), ((await read.FindBookmarkAsync(bookmark.Id, default))!.InstanceId, BookmarkKind.Task));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_task_whose_bookmark_is_gone_is_still_found_and_its_bookmark_is_not(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var task = Sample.Task(instance, status: HumanTaskStatus.Completed);
        await fixture.WriteAsync(session => session.Add(task));

        await using var read = await fixture.Store.BeginAsync();

        Assert.Equal(HumanTaskStatus.Completed, (await read.FindTaskWithInstanceAsync(task.Id, default))!.Status);
        Assert.Null(await read.FindBookmarkAsync(task.BookmarkId, default));
        Assert.Null(await read.FindTaskWithInstanceAsync(Guid.NewGuid(), default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_timer_read_with_its_instance_sees_the_sessions_own_changes(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var bookmark = Sample.Bookmark(instance);
        var timer = Sample.Timer(instance, Sample.T0);
        timer.BookmarkId = bookmark.Id;
        await fixture.WriteAsync(session =>
        {
            session.Add(bookmark);
            session.Add(timer);
        });

        await using var session = await fixture.Store.BeginAsync();
        var added = Sample.Timer(instance, Sample.T0);
        session.Add(added);
        (await session.FindInstanceAsync(instance.Id, default))!.Status = InstanceStatus.Waiting;

        Assert.Same(added, await session.FindTimerWithInstanceAsync(added.Id, default));
        var stored = await session.FindTimerWithInstanceAsync(timer.Id, default);
        Assert.Equal((TimerStatus.Pending, Sample.T0), (stored!.Status, stored.DueAt));
        Assert.Equal(InstanceStatus.Waiting, (await session.FindInstanceAsync(instance.Id, default))!.Status);
        session.Remove((await session.FindBookmarkAsync(bookmark.Id, default))!);
        Assert.Null(await session.FindBookmarkAsync(bookmark.Id, default));
    }
}
