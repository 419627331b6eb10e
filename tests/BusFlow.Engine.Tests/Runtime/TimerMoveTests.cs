using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Tests.Support;
using NodaTime;

namespace BusFlow.Engine.Tests.Runtime;

public sealed class TimerMoveTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_timer_moved_a_day_later_does_not_fire_at_its_old_time_and_fires_at_its_new_one()
    {
        await _engine.PublishAsync(Workflows.Definition("waits", """{ "type": "Delay", "id": "wait", "duration": "P1D" }"""));
        var instance = await _engine.StartAsync("waits");
        var timer = Assert.Single(await _engine.PendingTimersAsync());

        var moved = await _engine.Runtime.ChangeAsync("admin", change => change.MoveTimerAsync(timer.Id, timer.DueAt + Duration.FromDays(1), "Mer tid.", default));
        _engine.Clock.AdvanceTo(timer.DueAt);
        var atOldTime = await _engine.Runtime.FireTimerAsync(timer.Id);
        _engine.Clock.AdvanceTo(timer.DueAt + Duration.FromDays(1));
        var atNewTime = await _engine.Runtime.FireTimerAsync(timer.Id);

        Assert.True(moved);
        Assert.Equal(TimerFireResult.NotDue, atOldTime);
        Assert.Equal(TimerFireResult.Fired, atNewTime);
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
        var entry = Assert.Single(await _engine.JournalAsync(instance.Id), e => e.Kind == JournalKind.TimerMoved);
        Assert.Equal("admin", entry.Actor);
        Assert.Equal(new TimerMovedPayload(timer.Id, timer.DueAt, timer.DueAt + Duration.FromDays(1), "Mer tid."), entry.Payload<TimerMovedPayload>());
    }

    [Fact]
    public async Task A_timer_that_already_fired_is_not_moved_and_nothing_is_journaled()
    {
        await _engine.PublishAsync(Workflows.Definition("waits", """{ "type": "Delay", "id": "wait", "duration": "PT1H" }"""));
        var instance = await _engine.StartAsync("waits");
        var fired = await _engine.FireNextTimerAsync();
        var journalLength = (await _engine.JournalAsync(instance.Id)).Count;

        var moved = await _engine.Runtime.ChangeAsync("admin", change => change.MoveTimerAsync(fired.Id, fired.DueAt + Duration.FromDays(1), "Mer tid.", default));

        Assert.False(moved);
        Assert.Equal(journalLength, (await _engine.JournalAsync(instance.Id)).Count);
    }
}
