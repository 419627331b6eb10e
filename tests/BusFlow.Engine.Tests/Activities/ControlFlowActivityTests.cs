using System.Text.Json.Nodes;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Tests.Support;

namespace BusFlow.Engine.Tests.Activities;

public sealed class ControlFlowActivityTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync() => _engine = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_sequence_runs_its_activities_in_order_and_completes()
    {
        await _engine.PublishAsync(Workflows.Definition("seq", """
            { "type": "Sequence", "id": "main", "activities": [
              { "type": "SetVariable", "id": "first", "variable": "log", "value": "one" },
              { "type": "SetVariable", "id": "second", "variable": "log", "value": "{{ var.log }},two" }
            ] }
            """, variables: """[{ "name": "log", "type": "string" }]"""));

        var instance = await _engine.StartAsync("seq");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("one,two", (string?)(await _engine.VariablesAsync(instance.Id))["log"]);
        var started = (await _engine.JournalAsync(instance.Id)).Where(j => j.Kind == JournalKind.ActivityStarted).Select(j => j.ActivityId);
        Assert.Equal(["main", "first", "second"], started);
    }

    [Fact]
    public async Task If_runs_then_or_else_by_its_condition()
    {
        await _engine.PublishAsync(Workflows.Definition("if", """
            { "type": "If", "id": "check", "condition": { "equals": [{ "ref": "input.board" }, "SN"] },
              "then": { "type": "SetVariable", "id": "yes", "variable": "path", "value": "then" },
              "else": { "type": "SetVariable", "id": "no", "variable": "path", "value": "else" } }
            """, inputs: """[{ "name": "board", "type": "string", "required": true }]""", variables: """[{ "name": "path", "type": "string" }]"""));

        var sn = await _engine.StartAsync("if", new JsonObject { ["board"] = "SN" });
        var bun = await _engine.StartAsync("if", new JsonObject { ["board"] = "BUN" });

        Assert.Equal("then", (string?)(await _engine.VariablesAsync(sn.Id))["path"]);
        Assert.Equal("else", (string?)(await _engine.VariablesAsync(bun.Id))["path"]);
    }

    [Fact]
    public async Task Switch_runs_the_case_named_by_a_task_outcome_or_the_default()
    {
        await _engine.PublishAsync(Workflows.Definition("switch", """
            { "type": "Sequence", "id": "main", "activities": [
              { "type": "Task", "id": "decide", "assignee": "chair@kommun.test", "title": "Decide", "outcomes": ["approve", "reject", "table"] },
              { "type": "Switch", "id": "route", "value": { "ref": "output.decide.outcome" },
                "cases": {
                  "approve": { "type": "SetVariable", "id": "approved", "variable": "result", "value": "approved" },
                  "reject": { "type": "SetVariable", "id": "rejected", "variable": "result", "value": "rejected" } },
                "default": { "type": "SetVariable", "id": "other", "variable": "result", "value": "later" } }
            ] }
            """, variables: """[{ "name": "result", "type": "string" }]"""));

        async Task<string?> Run(string outcome)
        {
            var instance = await _engine.StartAsync("switch");
            var task = await _engine.SingleOpenTaskAsync(instance.Id);
            await _engine.Runtime.CompleteTaskAsync(task.Id, outcome, "Motivering.", "chair@kommun.test");
            return (string?)(await _engine.VariablesAsync(instance.Id))["result"];
        }

        Assert.Equal("approved", await Run("approve"));
        Assert.Equal("rejected", await Run("reject"));
        Assert.Equal("later", await Run("table"));
    }

    [Fact]
    public async Task Parallel_waits_for_all_branches_by_default()
    {
        await _engine.PublishAsync(Workflows.Definition("all", """
            { "type": "Parallel", "id": "both", "branches": [
              { "type": "Task", "id": "sn", "assignee": "sn@kommun.test", "title": "SN decides", "outcomes": ["done"] },
              { "type": "Task", "id": "bun", "assignee": "bun@kommun.test", "title": "BUN decides", "outcomes": ["done"] }
            ] }
            """));
        var instance = await _engine.StartAsync("all");
        var tasks = await _engine.TasksAsync(instance.Id);
        Assert.Equal(2, tasks.Count);

        await _engine.Runtime.CompleteTaskAsync(tasks[0].Id, "done", null, "sn@kommun.test");
        Assert.Equal(InstanceStatus.Waiting, (await _engine.InstanceAsync(instance.Id)).Status);

        await _engine.Runtime.CompleteTaskAsync(tasks[1].Id, "done", null, "bun@kommun.test");
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task Parallel_with_waitFor_completes_after_the_first_branches_and_cancels_the_rest()
    {
        await _engine.PublishAsync(Workflows.Definition("first", """
            { "type": "Parallel", "id": "race", "waitFor": 1, "branches": [
              { "type": "Task", "id": "answer", "assignee": "chair@kommun.test", "title": "Answer", "outcomes": ["done"] },
              { "type": "Delay", "id": "timeout", "duration": "P7D" }
            ] }
            """));
        var instance = await _engine.StartAsync("first");
        var task = await _engine.SingleOpenTaskAsync(instance.Id);
        var timer = Assert.Single(await _engine.PendingTimersAsync());

        await _engine.Runtime.CompleteTaskAsync(task.Id, "done", null, "chair@kommun.test");

        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
        Assert.Empty(await _engine.PendingTimersAsync());
        var cancelled = await _engine.ReadAsync(s => s.FindTimerAsync(timer.Id, default));
        Assert.Equal(TimerStatus.Cancelled, cancelled!.Status);
        Assert.Empty(await _engine.ReadAsync(s => s.ListBookmarksAsync(instance.Id, default)));
    }

    [Fact]
    public async Task Parallel_cancels_a_branch_whose_task_was_created_in_the_same_step()
    {
        await _engine.PublishAsync(Workflows.Definition("instant", """
            { "type": "Parallel", "id": "race", "waitFor": 1, "branches": [
              { "type": "Task", "id": "slow", "assignee": "chair@kommun.test", "title": "Answer", "outcomes": ["done"] },
              { "type": "SetVariable", "id": "fast", "variable": "x", "value": 1 }
            ] }
            """, variables: """[{ "name": "x", "type": "number" }]"""));

        var instance = await _engine.StartAsync("instant");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        var task = Assert.Single(await _engine.TasksAsync(instance.Id, status: null));
        Assert.Equal(HumanTaskStatus.Cancelled, task.Status);
        Assert.Empty(await _engine.ReadAsync(s => s.ListBookmarksAsync(instance.Id, default)));
    }

    [Fact]
    public async Task ForEach_in_sequence_runs_one_item_at_a_time_with_the_item_in_scope()
    {
        await _engine.PublishAsync(Workflows.Definition("each", """
            { "type": "ForEach", "id": "boards", "items": { "ref": "input.boards" }, "as": "board",
              "body": { "type": "Task", "id": "decide", "assignee": "{{ var.board }}@kommun.test", "title": "Beslut i {{ var.board }}", "outcomes": ["done"] } }
            """, inputs: """[{ "name": "boards", "type": "list", "required": true }]"""));
        var instance = await _engine.StartAsync("each", new JsonObject { ["boards"] = new JsonArray("SN", "BUN", "KUN") });

        var titles = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var task = await _engine.SingleOpenTaskAsync(instance.Id);
            titles.Add(task.Title);
            await _engine.Runtime.CompleteTaskAsync(task.Id, "done", null, task.Assignee);
        }

        Assert.Equal(["Beslut i SN", "Beslut i BUN", "Beslut i KUN"], titles);
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task ForEach_in_parallel_starts_every_item_at_once()
    {
        await _engine.PublishAsync(Workflows.Definition("each-parallel", """
            { "type": "ForEach", "id": "boards", "items": ["SN", "BUN", "KUN"], "parallel": true,
              "body": { "type": "Task", "id": "decide", "assignee": "{{ var.item }}@kommun.test", "title": "Beslut {{ var.itemIndex }}", "outcomes": ["done"] } }
            """));
        var instance = await _engine.StartAsync("each-parallel");

        var tasks = await _engine.TasksAsync(instance.Id);
        Assert.Equal(["BUN@kommun.test", "KUN@kommun.test", "SN@kommun.test"], tasks.Select(t => t.Assignee).Order());
        foreach (var task in tasks)
        {
            Assert.Equal(InstanceStatus.Waiting, (await _engine.InstanceAsync(instance.Id)).Status);
            await _engine.Runtime.CompleteTaskAsync(task.Id, "done", null, task.Assignee);
        }

        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task ForEach_over_an_empty_list_completes_at_once()
    {
        await _engine.PublishAsync(Workflows.Definition("none", """
            { "type": "ForEach", "id": "nothing", "items": [], "body": { "type": "Fail", "id": "never", "message": "ran" } }
            """));

        Assert.Equal(InstanceStatus.Completed, (await _engine.StartAsync("none")).Status);
    }

    [Fact]
    public async Task While_repeats_its_body_until_the_condition_fails()
    {
        await _engine.PublishAsync(Workflows.Definition("until-approved", """
            { "type": "While", "id": "rounds", "condition": { "notEquals": [{ "ref": "var.answer.outcome" }, "approve"] },
              "body": { "type": "Task", "id": "decide", "assignee": "sn@kommun.test", "title": "Round {{ var.round }}", "outcomes": ["approve", "referBack"], "output": "answer" } }
            """, variables: """[{ "name": "answer", "type": "object" }]"""));
        var instance = await _engine.StartAsync("until-approved");

        var titles = new List<string>();
        foreach (var outcome in new[] { "referBack", "referBack", "approve" })
        {
            var task = await _engine.SingleOpenTaskAsync(instance.Id);
            titles.Add(task.Title);
            await _engine.Runtime.CompleteTaskAsync(task.Id, outcome, "Motivering.", "sn@kommun.test");
        }

        Assert.Equal(["Round 1", "Round 2", "Round 3"], titles);
        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(instance.Id)).Status);
    }

    [Fact]
    public async Task While_faults_instead_of_looping_past_its_limit()
    {
        await _engine.PublishAsync(Workflows.Definition("forever", """
            { "type": "While", "id": "loop", "condition": true, "maxIterations": 3,
              "body": { "type": "SetVariable", "id": "tick", "variable": "n", "value": { "ref": "var.round" } } }
            """, variables: """[{ "name": "n", "type": "integer" }]"""));

        var instance = await _engine.StartAsync("forever");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("limit of 3 rounds", instance.FaultMessage);
        Assert.Equal(3, (int?)(await _engine.VariablesAsync(instance.Id))["n"]);
    }

    [Fact]
    public async Task SetVariable_with_a_key_lets_parallel_branches_fill_one_object()
    {
        await _engine.PublishAsync(Workflows.Definition("collect", """
            { "type": "ForEach", "id": "boards", "items": ["SN", "BUN"], "as": "board", "parallel": true,
              "body": { "type": "Sequence", "id": "one", "activities": [
                { "type": "Task", "id": "decide", "assignee": "{{ var.board }}@kommun.test", "title": "Decide", "outcomes": ["approve", "reject"] },
                { "type": "SetVariable", "id": "note", "variable": "outcomes", "key": "{{ var.board }}", "value": { "ref": "output.decide.outcome" } } ] } }
            """, variables: """[{ "name": "outcomes", "type": "object", "default": {} }]"""));
        var instance = await _engine.StartAsync("collect");
        var tasks = await _engine.TasksAsync(instance.Id);

        await _engine.Runtime.CompleteTaskAsync(tasks.Single(t => t.Assignee.StartsWith("SN", StringComparison.Ordinal)).Id, "approve", null, "sn");
        await _engine.Runtime.CompleteTaskAsync(tasks.Single(t => t.Assignee.StartsWith("BUN", StringComparison.Ordinal)).Id, "reject", "Motivering.", "bun");

        var outcomes = (await _engine.VariablesAsync(instance.Id))["outcomes"]!;
        Assert.Equal("approve", (string?)outcomes["SN"]);
        Assert.Equal("reject", (string?)outcomes["BUN"]);
    }

    [Fact]
    public async Task Inside_a_parallel_ForEach_an_output_reference_means_the_output_of_the_same_round()
    {
        // All three rounds run in one step: each WaitUntil (a past date) completes at once, so a
        // global "latest output" would give every task the third round's date.
        await _engine.PublishAsync(Workflows.Definition("rounds", """
            { "type": "ForEach", "id": "days", "items": ["2020-01-01", "2020-02-01", "2020-03-01"], "as": "day", "parallel": true,
              "body": { "type": "Sequence", "id": "one", "activities": [
                { "type": "WaitUntil", "id": "passed", "date": { "ref": "var.day" } },
                { "type": "Task", "id": "ask", "assignee": "{{ var.day }}", "title": "{{ output.passed.date }}", "outcomes": ["ok"] } ] } }
            """));

        var instance = await _engine.StartAsync("rounds");

        var tasks = await _engine.TasksAsync(instance.Id);
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(t.Assignee, t.Title));
    }
}
