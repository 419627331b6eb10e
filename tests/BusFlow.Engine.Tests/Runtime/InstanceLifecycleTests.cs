using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Runtime;
using BusFlow.Engine.Tests.Support;

namespace BusFlow.Engine.Tests.Runtime;

public sealed class InstanceLifecycleTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_second_start_with_the_same_correlation_key_returns_the_first_instance()
    {
        await _engine.PublishAsync(Workflows.Definition("keyed", """{ "type": "Delay", "id": "d", "duration": "P1D" }"""));

        var first = await _engine.Runtime.StartAsync(new StartRequest("keyed", CorrelationKey: "agreement-2027"));
        var second = await _engine.Runtime.StartAsync(new StartRequest("keyed", CorrelationKey: "agreement-2027"));

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Instance.Id, second.Instance.Id);
        Assert.Single(await _engine.PendingTimersAsync());
    }

    [Fact]
    public async Task A_keyed_start_runs_the_latest_version_and_finds_the_keys_instance_whichever_version_it_runs()
    {
        await _engine.PublishAsync(Workflows.Definition("keyed", """{ "type": "Delay", "id": "d", "duration": "P1D" }"""));
        var onFirst = await _engine.Runtime.StartAsync(new StartRequest("keyed", CorrelationKey: "agreement-2027"));
        await _engine.PublishAsync(Workflows.Definition("keyed", """{ "type": "Delay", "id": "d", "duration": "P2D" }""", version: 2));

        var again = await _engine.Runtime.StartAsync(new StartRequest("keyed", CorrelationKey: "agreement-2027"));
        var againNamingTheVersion = await _engine.Runtime.StartAsync(new StartRequest("keyed", Version: 2, CorrelationKey: "agreement-2027"));
        var onSecond = await _engine.Runtime.StartAsync(new StartRequest("keyed", CorrelationKey: "agreement-2028"));

        Assert.Equal(1, onFirst.Instance.DefinitionVersion);
        Assert.Equal((onFirst.Instance.Id, false), (again.Instance.Id, again.Created));
        Assert.Equal((onFirst.Instance.Id, false), (againNamingTheVersion.Instance.Id, againNamingTheVersion.Created));
        Assert.Equal((2, true), (onSecond.Instance.DefinitionVersion, onSecond.Created));
    }

    [Fact]
    public async Task A_keyed_start_of_an_unpublished_definition_is_not_found_and_starts_nothing()
    {
        var error = await Assert.ThrowsAsync<WorkflowRequestException>(() =>
            _engine.Runtime.StartAsync(new StartRequest("nothing", CorrelationKey: "agreement-2027")));

        Assert.Equal(RequestErrorKind.NotFound, error.Kind);
        Assert.Contains("No workflow definition 'nothing' is published", error.Message);
        Assert.Empty(await _engine.ReadAsync(s => s.ListInstancesAsync(new InstanceQuery(), default)));
    }

    [Fact]
    public async Task Concurrent_starts_with_one_correlation_key_create_one_instance()
    {
        await _engine.PublishAsync(Workflows.Definition("keyed", """{ "type": "Delay", "id": "d", "duration": "P1D" }"""));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => _engine.Runtime.StartAsync(new StartRequest("keyed", CorrelationKey: "same")))));

        Assert.Single(results.Select(r => r.Instance.Id).Distinct());
        Assert.Single(results, r => r.Created);
    }

    [Fact]
    public async Task Input_that_misses_a_required_value_or_has_the_wrong_type_is_refused_and_nothing_starts()
    {
        await _engine.PublishAsync(Workflows.Definition("typed", """{ "type": "Delay", "id": "d", "duration": "P1D" }""",
            inputs: """[{ "name": "due", "type": "date", "required": true }, { "name": "count", "type": "integer" }]"""));

        var error = await Assert.ThrowsAsync<WorkflowRequestException>(() =>
            _engine.Runtime.StartAsync(new StartRequest("typed", new JsonObject { ["count"] = "three", ["colour"] = "red" })));

        Assert.Equal(RequestErrorKind.Invalid, error.Kind);
        Assert.Equal(["$.due", "$.count", "$.colour"], error.Errors.Select(e => e.JsonPath));
        Assert.Empty(await _engine.ReadAsync(s => s.ListInstancesAsync(new InstanceQuery(), default)));
    }

    [Fact]
    public async Task Starting_an_unpublished_definition_is_not_found()
    {
        var error = await Assert.ThrowsAsync<WorkflowRequestException>(() => _engine.Runtime.StartAsync(new StartRequest("nothing")));

        Assert.Equal(RequestErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_running_instance_stays_on_its_version_when_a_new_one_is_published()
    {
        await _engine.PublishAsync(Workflows.Definition("versioned", """
            { "type": "Task", "id": "ask", "assignee": "chair@kommun.test", "title": "Version one", "outcomes": ["ok"] }
            """));
        var old = await _engine.StartAsync("versioned");
        await _engine.PublishAsync(Workflows.Definition("versioned", """
            { "type": "Sequence", "id": "main", "activities": [
              { "type": "Task", "id": "ask", "assignee": "chair@kommun.test", "title": "Version two", "outcomes": ["ok"] },
              { "type": "Delay", "id": "after", "duration": "P1D" } ] }
            """, version: 2));

        var fresh = await _engine.StartAsync("versioned");
        await _engine.Runtime.CompleteTaskAsync((await _engine.SingleOpenTaskAsync(old.Id)).Id, "ok", null, "chair@kommun.test");

        Assert.Equal(1, old.DefinitionVersion);
        Assert.Equal(2, fresh.DefinitionVersion);
        Assert.Equal("Version two", (await _engine.SingleOpenTaskAsync(fresh.Id)).Title);
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(old.Id)).Status);
    }

    [Fact]
    public async Task Republishing_a_version_with_other_content_is_refused()
    {
        await _engine.PublishAsync(Workflows.Definition("fixed", """{ "type": "Delay", "id": "d", "duration": "P1D" }"""));
        var changed = _engine.Catalog.Loader.Load(Workflows.Definition("fixed", """{ "type": "Delay", "id": "d", "duration": "P2D" }"""), "fixed.json").Definitions;

        var error = await Assert.ThrowsAsync<Engine.Definitions.DefinitionValidationException>(() =>
            _engine.Catalog.PublishAsync(_engine.Store, changed, _engine.Clock.GetCurrentInstant(), default));

        Assert.Contains("publish this as version 2", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task An_instance_that_fails_is_faulted_with_the_error_and_can_be_retried_from_that_activity()
    {
        await _engine.PublishAsync(Workflows.Definition("needs-child", """
            { "type": "Sequence", "id": "main", "activities": [
              { "type": "SetVariable", "id": "before", "variable": "count", "value": 1 },
              { "type": "StartWorkflow", "id": "start", "workflow": "helper", "wait": false } ] }
            """, variables: """[{ "name": "count", "type": "number" }]"""));

        var instance = await _engine.StartAsync("needs-child");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal("start", instance.FaultActivityId);
        Assert.Contains("'helper' is not published", instance.FaultMessage);

        await _engine.PublishAsync(Workflows.Definition("helper", """{ "type": "SetVariable", "id": "noop", "variable": "v", "value": 1 }""", variables: """[{ "name": "v", "type": "number" }]"""));
        var retried = await _engine.Runtime.RetryAsync(instance.Id, "admin@kommun.test");

        Assert.Equal(InstanceStatus.Completed, retried.Status);
        var journal = await _engine.JournalAsync(instance.Id);
        Assert.Single(journal, j => j.Kind == JournalKind.Faulted);
        Assert.Single(journal, j => j.Kind == JournalKind.Retried && j.Actor == "admin@kommun.test");
        // The activity before the failure ran once: the retry starts at the failing activity.
        Assert.Single(journal, j => j.Kind == JournalKind.ActivityStarted && j.ActivityId == "before");
    }

    [Fact]
    public async Task A_Fail_activity_faults_the_instance_with_its_message()
    {
        await _engine.PublishAsync(Workflows.Definition("fails", """{ "type": "Fail", "id": "stop", "message": "No agreement for {{ input.year }}" }""",
            inputs: """[{ "name": "year", "type": "integer" }]"""));

        var instance = await _engine.StartAsync("fails", new JsonObject { ["year"] = 2027 });

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Equal("No agreement for 2027", instance.FaultMessage);
    }

    [Fact]
    public async Task Retrying_an_instance_that_is_not_faulted_is_a_conflict()
    {
        await _engine.PublishAsync(Workflows.Definition("fine", """{ "type": "Delay", "id": "d", "duration": "P1D" }"""));
        var instance = await _engine.StartAsync("fine");

        var error = await Assert.ThrowsAsync<WorkflowRequestException>(() => _engine.Runtime.RetryAsync(instance.Id, "admin"));

        Assert.Equal(RequestErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task Cancelling_an_instance_cancels_its_timers_and_tasks_and_records_who_and_why()
    {
        await _engine.PublishAsync(Workflows.Definition("busy", """
            { "type": "Parallel", "id": "p", "branches": [
              { "type": "Delay", "id": "d", "duration": "P1D" },
              { "type": "Task", "id": "t", "assignee": "chair@kommun.test", "title": "Answer", "outcomes": ["ok"] } ] }
            """));
        var instance = await _engine.StartAsync("busy");
        var task = await _engine.SingleOpenTaskAsync(instance.Id);

        await _engine.Runtime.CancelAsync(instance.Id, "admin@kommun.test", "started by mistake");

        Assert.Equal(InstanceStatus.Cancelled, (await _engine.InstanceAsync(instance.Id)).Status);
        Assert.Empty(await _engine.PendingTimersAsync());
        Assert.Equal(TaskCompletionStatus.AlreadyClosed, (await _engine.Runtime.CompleteTaskAsync(task.Id, "ok", null, "chair@kommun.test")).Status);
        var cancelled = Assert.Single(await _engine.JournalAsync(instance.Id), j => j.Kind == JournalKind.Cancelled);
        Assert.Equal("admin@kommun.test", cancelled.Actor);
        Assert.Contains("started by mistake", cancelled.DataJson);
    }

    [Fact]
    public async Task The_journal_records_each_step_in_order_with_instant_and_actor()
    {
        await _engine.PublishAsync(Workflows.Definition("journal", """
            { "type": "Sequence", "id": "main", "activities": [
              { "type": "Task", "id": "ask", "assignee": "chair@kommun.test", "title": "Answer", "outcomes": ["ok"] },
              { "type": "Delay", "id": "wait", "duration": "PT1H" } ] }
            """));
        var instance = await _engine.StartAsync("journal");
        var task = await _engine.SingleOpenTaskAsync(instance.Id);
        await _engine.Runtime.CompleteTaskAsync(task.Id, "ok", null, "chair@kommun.test");
        await _engine.FireNextTimerAsync();

        var journal = await _engine.JournalAsync(instance.Id);

        Assert.Equal(Enumerable.Range(1, journal.Count), journal.Select(j => j.Sequence));
        Assert.Equal(
        [
            JournalKind.InstanceStarted, JournalKind.ActivityStarted, JournalKind.ActivityStarted, JournalKind.TaskCreated,
            JournalKind.TaskCompleted, JournalKind.ActivityCompleted, JournalKind.ActivityStarted, JournalKind.TimerScheduled,
            JournalKind.TimerFired, JournalKind.ActivityCompleted, JournalKind.ActivityCompleted, JournalKind.InstanceCompleted,
        ], journal.Select(j => j.Kind));
        Assert.Equal("chair@kommun.test", journal.Single(j => j.Kind == JournalKind.TaskCompleted).Actor);
        Assert.Equal(WorkflowRuntime.TimerActor, journal.Single(j => j.Kind == JournalKind.TimerFired).Actor);
        Assert.True(journal[^1].At - journal[0].At >= NodaTime.Duration.FromHours(1));
    }
}
