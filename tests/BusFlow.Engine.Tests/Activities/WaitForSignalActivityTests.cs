using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Tests.Support;
using NodaTime;

namespace BusFlow.Engine.Tests.Activities;

public sealed class WaitForSignalActivityTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    // Waits for the meeting (its day at 16:00) or a move, whichever comes first; a move counts up a sequence number.
    private const string MovableMeeting = """
        { "type": "While", "id": "untilHeld", "condition": { "equals": [{ "ref": "var.held" }, false] },
          "body": { "type": "Parallel", "id": "heldOrMoved", "waitFor": 1, "branches": [
            { "type": "Sequence", "id": "held", "activities": [
              { "type": "WaitUntil", "id": "meetingEnds", "date": { "ref": "var.date" }, "time": "16:00" },
              { "type": "SetVariable", "id": "markHeld", "variable": "held", "value": true } ] },
            { "type": "Sequence", "id": "move", "activities": [
              { "type": "WaitForSignal", "id": "moved", "signal": "meetingMoved",
                "payload": [ { "name": "date", "type": "date", "required": true }, { "name": "note", "type": "string" } ] },
              { "type": "SetVariable", "id": "newDate", "variable": "date", "value": { "ref": "output.moved.data.date" } },
              { "type": "SetVariable", "id": "count", "variable": "sequence", "value": { "ref": "var.sequence", "plus": 1 } } ] } ] } }
        """;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(new LocalDateTime(2027, 3, 1, 9, 0));
        await _engine.PublishAsync(Workflows.Definition("meeting", MovableMeeting, variables: """
            [{ "name": "date", "type": "date", "default": "2027-03-10" }, { "name": "held", "type": "boolean", "default": false },
             { "name": "sequence", "type": "integer", "default": 0 }]
            """));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_signal_resumes_the_waiting_activity_with_its_data_and_the_old_timer_is_cancelled()
    {
        var instance = await _engine.StartAsync("meeting");

        var delivery = await _engine.Runtime.SignalAsync(instance.Id, "meetingMoved", new JsonObject { ["date"] = "2027-03-17" }, "sekreterare@kommun.test");

        Assert.Equal((instance.Id, "moved", InstanceStatus.Waiting), (delivery.InstanceId, delivery.ActivityId, delivery.InstanceStatus));
        var variables = await _engine.VariablesAsync(instance.Id);
        Assert.Equal(("2027-03-17", 1), ((string?)variables["date"], (int?)variables["sequence"]));
        // The first round's timer (10 March) was cancelled; the second round waits for 17 March 16:00.
        var timer = Assert.Single(await _engine.PendingTimersAsync());
        Assert.Equal(new LocalDateTime(2027, 3, 17, 16, 0), EngineHarness.Local(timer.DueAt));
        var journal = await _engine.JournalAsync(instance.Id);
        var received = Assert.Single(journal, j => j.Kind == JournalKind.SignalReceived);
        Assert.Equal("moved", received.ActivityId);
        Assert.Contains("\"sentBy\":\"sekreterare@kommun.test\"", received.DataJson, StringComparison.Ordinal);
        Assert.Contains(journal, j => j.Kind == JournalKind.TimerCancelled);
    }

    [Fact]
    public async Task The_meeting_is_held_at_the_moved_time_and_after_it_the_signal_is_refused()
    {
        var instance = await _engine.StartAsync("meeting");
        await _engine.Runtime.SignalAsync(instance.Id, "meetingMoved", new JsonObject { ["date"] = "2027-03-17" }, "sekreterare@kommun.test");

        _engine.Clock.AdvanceTo(new LocalDateTime(2027, 3, 17, 16, 0).InZoneStrictly(EngineHarness.Stockholm).ToInstant());
        await _engine.Runtime.FireDueTimersAsync();

        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
        var refused = await Assert.ThrowsAsync<WorkflowRequestException>(() =>
            _engine.Runtime.SignalAsync(instance.Id, "meetingMoved", new JsonObject { ["date"] = "2027-03-24" }, "sekreterare@kommun.test"));
        Assert.Equal(RequestErrorKind.Conflict, refused.Kind);
    }

    [Fact]
    public async Task Data_that_does_not_fit_the_declaration_is_refused_with_each_reason_and_changes_nothing()
    {
        var instance = await _engine.StartAsync("meeting");
        var journalBefore = (await _engine.JournalAsync(instance.Id)).Count;

        var refused = await Assert.ThrowsAsync<WorkflowRequestException>(() =>
            _engine.Runtime.SignalAsync(instance.Id, "meetingMoved", new JsonObject { ["date"] = "17 mars", ["room"] = "B12" }, "sekreterare@kommun.test"));

        Assert.Equal(RequestErrorKind.Invalid, refused.Kind);
        Assert.Equal(
            [("$.date", "'17 mars' is not a date (expected YYYY-MM-DD)"), ("$.room", "this signal carries no 'room' (it carries date, note)")],
            refused.Errors.Select(e => (e.JsonPath, e.Message)));
        Assert.Equal(journalBefore, (await _engine.JournalAsync(instance.Id)).Count);
        Assert.Equal("2027-03-10", (string?)(await _engine.VariablesAsync(instance.Id))["date"]);

        var missing = await Assert.ThrowsAsync<WorkflowRequestException>(() =>
            _engine.Runtime.SignalAsync(instance.Id, "meetingMoved", null, "sekreterare@kommun.test"));
        Assert.Equal(("$.date", "'date' is required"), (missing.Errors[0].JsonPath, missing.Errors[0].Message));
    }

    [Fact]
    public async Task A_signal_nothing_waits_for_is_a_conflict_and_an_unknown_instance_is_not_found()
    {
        var instance = await _engine.StartAsync("meeting");

        var unawaited = await Assert.ThrowsAsync<WorkflowRequestException>(() =>
            _engine.Runtime.SignalAsync(instance.Id, "meetingCancelled", null, "sekreterare@kommun.test"));
        var unknown = await Assert.ThrowsAsync<WorkflowRequestException>(() =>
            _engine.Runtime.SignalAsync(Guid.NewGuid(), "meetingMoved", new JsonObject { ["date"] = "2027-03-17" }, "sekreterare@kommun.test"));

        Assert.Equal(RequestErrorKind.Conflict, unawaited.Kind);
        Assert.Equal("Nothing in this instance waits for the signal 'meetingCancelled' now.", unawaited.Message);
        Assert.Equal(RequestErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task A_signal_sent_to_a_parent_reaches_the_child_workflow_it_waits_on()
    {
        await _engine.PublishAsync(Workflows.Definition("cycle", """
            { "type": "StartWorkflow", "id": "theMeeting", "workflow": "meeting", "output": "meeting" }
            """, variables: """[{ "name": "meeting", "type": "object" }]"""));
        var parent = await _engine.StartAsync("cycle");

        var delivery = await _engine.Runtime.SignalAsync(parent.Id, "meetingMoved", new JsonObject { ["date"] = "2027-03-17" }, "sekreterare@kommun.test");

        Assert.NotEqual(parent.Id, delivery.InstanceId);
        Assert.Equal(parent.Id, (await _engine.InstanceAsync(delivery.InstanceId)).ParentInstanceId);
        Assert.Equal("2027-03-17", (string?)(await _engine.VariablesAsync(delivery.InstanceId))["date"]);
    }
}
