using BusFlow.Engine.Persistence;
using BusFlow.Engine.Tests.Support;

namespace BusFlow.Engine.Tests.Activities;

public sealed class StartWorkflowActivityTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync();
        await _engine.PublishAsync(Workflows.Definition("child", """
            { "type": "Task", "id": "decide", "assignee": "{{ input.board }}@kommun.test", "title": "Decide", "outcomes": ["approve"], "output": "decision" }
            """, inputs: """[{ "name": "board", "type": "string", "required": true }]""", variables: """[{ "name": "decision", "type": "object" }]"""));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_parent_that_waits_resumes_with_the_child_output_when_the_child_completes()
    {
        await _engine.PublishAsync(Workflows.Definition("parent", """
            { "type": "StartWorkflow", "id": "round", "workflow": "child", "input": { "board": "SN" }, "output": "result" }
            """, variables: """[{ "name": "result", "type": "object" }]"""));
        var parent = await _engine.StartAsync("parent");
        Assert.Equal(InstanceStatus.Waiting, parent.Status);
        var child = Assert.Single(await _engine.ReadAsync(s => s.ListInstancesAsync(new InstanceQuery(DefinitionId: "child"), default)));
        Assert.Equal(parent.Id, child.ParentInstanceId);

        var task = await _engine.SingleOpenTaskAsync(child.Id);
        await _engine.Runtime.CompleteTaskAsync(task.Id, "approve", null, "sn@kommun.test");

        Assert.Equal(InstanceStatus.Completed, (await _engine.InstanceAsync(parent.Id)).Status);
        var result = (await _engine.VariablesAsync(parent.Id))["result"]!;
        Assert.Equal("Completed", (string?)result["status"]);
        Assert.Equal("approve", (string?)result["output"]!["decision"]!["outcome"]);
    }

    [Fact]
    public async Task A_parent_that_does_not_wait_goes_on_while_the_child_runs()
    {
        await _engine.PublishAsync(Workflows.Definition("fire-and-forget", """
            { "type": "StartWorkflow", "id": "round", "workflow": "child", "input": { "board": "BUN" }, "wait": false }
            """));

        var parent = await _engine.StartAsync("fire-and-forget");

        Assert.Equal(InstanceStatus.Completed, parent.Status);
        var child = Assert.Single(await _engine.ReadAsync(s => s.ListInstancesAsync(new InstanceQuery(DefinitionId: "child"), default)));
        Assert.Equal(InstanceStatus.Waiting, child.Status);
    }

    [Fact]
    public async Task Cancelling_a_waiting_parent_cancels_its_child_and_the_childs_task()
    {
        await _engine.PublishAsync(Workflows.Definition("parent", """
            { "type": "StartWorkflow", "id": "round", "workflow": "child", "input": { "board": "KUN" } }
            """));
        var parent = await _engine.StartAsync("parent");
        var child = Assert.Single(await _engine.ReadAsync(s => s.ListInstancesAsync(new InstanceQuery(DefinitionId: "child"), default)));

        await _engine.Runtime.CancelAsync(parent.Id, "admin@kommun.test", "agreement withdrawn");

        Assert.Equal(InstanceStatus.Cancelled, (await _engine.InstanceAsync(parent.Id)).Status);
        Assert.Equal(InstanceStatus.Cancelled, (await _engine.InstanceAsync(child.Id)).Status);
        var task = Assert.Single(await _engine.TasksAsync(child.Id, status: null));
        Assert.Equal(HumanTaskStatus.Cancelled, task.Status);
    }

    [Fact]
    public async Task The_same_correlation_key_gives_the_same_child()
    {
        await _engine.PublishAsync(Workflows.Definition("twice", """
            { "type": "Sequence", "id": "main", "activities": [
              { "type": "StartWorkflow", "id": "one", "workflow": "child", "input": { "board": "SN" }, "correlationKey": "SN-2026", "wait": false },
              { "type": "StartWorkflow", "id": "two", "workflow": "child", "input": { "board": "SN" }, "correlationKey": "SN-2026", "wait": false }
            ] }
            """));

        await _engine.StartAsync("twice");

        Assert.Single(await _engine.ReadAsync(s => s.ListInstancesAsync(new InstanceQuery(DefinitionId: "child"), default)));
    }
}
