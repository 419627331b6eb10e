using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Tests.Support;
using NodaTime;

namespace BusFlow.Engine.Tests.Activities;

public sealed class TimerActivityTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync(new LocalDateTime(2026, 3, 28, 12, 0));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_one_day_delay_across_the_spring_DST_change_ends_at_the_same_local_time()
    {
        await _engine.PublishAsync(Workflows.Definition("delay", """{ "type": "Delay", "id": "wait", "duration": "P1D" }"""));

        var instance = await _engine.StartAsync("delay");

        var timer = Assert.Single(await _engine.PendingTimersAsync());
        Assert.Equal(new LocalDateTime(2026, 3, 29, 12, 0), EngineHarness.Local(timer.DueAt));
        Assert.Equal(Duration.FromHours(23), timer.DueAt - _engine.Clock.GetCurrentInstant());
        Assert.Equal(InstanceStatus.Waiting, instance.Status);
    }

    [Fact]
    public async Task A_delay_does_not_fire_before_its_time_and_completes_when_it_does()
    {
        await _engine.PublishAsync(Workflows.Definition("delay", """{ "type": "Delay", "id": "wait", "duration": "PT2H" }"""));
        var instance = await _engine.StartAsync("delay");
        var timer = Assert.Single(await _engine.PendingTimersAsync());

        _engine.Clock.Advance(Duration.FromMinutes(119));
        Assert.Equal(0, await _engine.Runtime.FireDueTimersAsync());
        Assert.Equal(Engine.Runtime.TimerFireResult.NotDue, await _engine.Runtime.FireTimerAsync(timer.Id));

        _engine.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(1, await _engine.Runtime.FireDueTimersAsync());
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Firing_a_timer_twice_resumes_the_instance_once()
    {
        await _engine.PublishAsync(Workflows.Definition("delay", """{ "type": "Delay", "id": "wait", "duration": "P1D" }"""));
        var instance = await _engine.StartAsync("delay");
        var timer = Assert.Single(await _engine.PendingTimersAsync());
        _engine.Clock.AdvanceTo(timer.DueAt);

        Assert.Equal(Engine.Runtime.TimerFireResult.Fired, await _engine.Runtime.FireTimerAsync(timer.Id));
        Assert.Equal(Engine.Runtime.TimerFireResult.AlreadyHandled, await _engine.Runtime.FireTimerAsync(timer.Id));

        var journal = await _engine.JournalAsync(instance.Id);
        Assert.Single(journal, j => j.Kind == JournalKind.TimerFired);
        Assert.Single(journal, j => j.Kind == JournalKind.InstanceCompleted);
    }

    [Fact]
    public async Task WaitUntil_a_local_date_and_time_in_a_named_zone()
    {
        await _engine.PublishAsync(Workflows.Definition("until", """
            { "type": "WaitUntil", "id": "w", "date": "2026-07-01", "time": "08:00", "zone": "Europe/Stockholm" }
            """));

        await _engine.StartAsync("until");

        var timer = Assert.Single(await _engine.PendingTimersAsync());
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 6, 0), timer.DueAt);
    }

    [Fact]
    public async Task WaitUntil_moves_a_weekend_date_to_the_next_working_day_and_says_so()
    {
        await _engine.PublishAsync(Workflows.Definition("until", """
            { "type": "WaitUntil", "id": "w", "date": { "ref": "input.day" }, "time": "09:00", "nextWorkingDay": true }
            """, inputs: """[{ "name": "day", "type": "date", "required": true }]"""));

        var instance = await _engine.StartAsync("until", new JsonObject { ["day"] = "2026-04-04" });
        await _engine.FireNextTimerAsync();

        var output = ExecutionStateOf(await _engine.InstanceAsync(instance.Id)).Outputs["w"]!;
        Assert.Equal("2026-04-06", (string?)output["date"]);
        Assert.Equal("2026-04-04", (string?)output["movedFrom"]);
        Assert.Equal(new LocalDateTime(2026, 4, 6, 9, 0), EngineHarness.Local(_engine.Clock.GetCurrentInstant()));
    }

    [Fact]
    public async Task WaitUntil_an_instant_already_past_completes_at_once_without_a_timer()
    {
        await _engine.PublishAsync(Workflows.Definition("past", """{ "type": "WaitUntil", "id": "w", "at": "2020-01-01T00:00:00Z" }"""));

        var instance = await _engine.StartAsync("past");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Empty(await _engine.PendingTimersAsync());
    }

    [Fact]
    public async Task WaitUntil_an_input_date_minus_nine_months()
    {
        await _engine.PublishAsync(Workflows.Definition("renewal-start", """
            { "type": "WaitUntil", "id": "w", "date": { "ref": "input.agreementEnds", "minus": "P9M" }, "time": "08:00" }
            """, inputs: """[{ "name": "agreementEnds", "type": "date", "required": true }]"""));

        await _engine.StartAsync("renewal-start", new JsonObject { ["agreementEnds"] = "2026-12-31" });

        var timer = Assert.Single(await _engine.PendingTimersAsync());
        Assert.Equal(new LocalDateTime(2026, 3, 31, 8, 0), EngineHarness.Local(timer.DueAt));
    }

    private static Engine.Runtime.ExecutionState ExecutionStateOf(WorkflowInstance instance) =>
        Engine.Runtime.ExecutionState.Deserialize(instance.StateJson);
}
