using BusFlow.Engine.Persistence;
using BusFlow.Testing;
using NodaTime;

namespace BusFlow.Storage.Tests;

public sealed class TimerQueryTests
{
    private static readonly Instant Now = Instant.FromUtc(2025, 10, 26, 1, 30).PlusNanoseconds(250_000_000);

    public static TheoryProviders Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ListDueTimers_returns_exactly_the_pending_timers_due_by_the_instant_in_due_order(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var dueAtNow = Sample.Timer(instance, Now);
        var dueAMillisecondAgo = Sample.Timer(instance, Now - Duration.FromMilliseconds(1));
        var dueYesterday = Sample.Timer(instance, Now - Duration.FromDays(1));
        var dueInAMicrosecond = Sample.Timer(instance, Now + Duration.FromNanoseconds(1_000));
        var dueTomorrow = Sample.Timer(instance, Now + Duration.FromDays(1));
        var firedEarlier = Sample.Timer(instance, Now - Duration.FromHours(2), TimerStatus.Fired);
        var cancelled = Sample.Timer(instance, Now - Duration.FromHours(3), TimerStatus.Cancelled);
        await fixture.WriteAsync(s =>
        {
            foreach (var timer in new[] { dueTomorrow, dueAtNow, firedEarlier, dueInAMicrosecond, dueYesterday, cancelled, dueAMillisecondAgo })
            {
                s.Add(timer);
            }
        });

        await using var session = await fixture.Store.BeginAsync();
        var due = await session.ListDueTimersAsync(Now, 100, default);
        var firstTwo = await session.ListDueTimersAsync(Now, 2, default);

        Assert.Equal([dueYesterday.Id, dueAMillisecondAgo.Id, dueAtNow.Id], due.Select(t => t.Id));
        Assert.Equal([dueYesterday.Id, dueAMillisecondAgo.Id], firstTwo.Select(t => t.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pending_timer_queries_skip_fired_and_cancelled_timers(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        var later = Sample.Timer(instance, Now + Duration.FromHours(2));
        var sooner = Sample.Timer(instance, Now + Duration.FromHours(1));
        var fired = Sample.Timer(instance, Now, TimerStatus.Fired);
        var cancelled = Sample.Timer(instance, Now, TimerStatus.Cancelled);
        cancelled.BookmarkId = sooner.BookmarkId;
        await fixture.WriteAsync(s =>
        {
            s.Add(later);
            s.Add(fired);
            s.Add(sooner);
            s.Add(cancelled);
        });

        await using var session = await fixture.Store.BeginAsync();
        Assert.Equal(sooner.Id, (await session.FindNextPendingTimerAsync(default))?.Id);
        Assert.Equal([sooner.Id, later.Id], (await session.ListPendingTimersAsync(default)).Select(t => t.Id));
        Assert.Equal(sooner.Id, (await session.FindPendingTimerByBookmarkAsync(sooner.BookmarkId, default))?.Id);
        Assert.Null(await session.FindPendingTimerByBookmarkAsync(fired.BookmarkId, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Without_pending_timers_there_is_no_next_one(string provider)
    {
        await using var fixture = await StoreFixture.CreateAsync(provider);
        var instance = await fixture.SeedInstanceAsync();
        await fixture.WriteAsync(s => s.Add(Sample.Timer(instance, Now, TimerStatus.Fired)));

        await using var session = await fixture.Store.BeginAsync();
        Assert.Null(await session.FindNextPendingTimerAsync(default));
        Assert.Empty(await session.ListDueTimersAsync(Now, 10, default));
    }
}
