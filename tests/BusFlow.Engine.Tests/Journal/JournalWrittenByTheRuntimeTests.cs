using System.Text.Json.Nodes;
using BusFlow.Engine.Journal;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Tests.Support;
using NodaTime;

namespace BusFlow.Engine.Tests.Journal;

public sealed class JournalWrittenByTheRuntimeTests : IAsyncLifetime
{
    private EngineHarness _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await EngineHarness.StartAsync(new LocalDateTime(2026, 12, 21, 9, 0));
        await _engine.PublishAsync(Workflows.Definition("approve", """
            { "type": "Task", "id": "approve", "assignee": { "ref": "input.chair" }, "title": "Godkänn överenskommelsen",
              "outcomes": ["approve", "reject"], "due": { "ref": "today", "plus": "P14D" }, "output": "answer" }
            """,
            inputs: """[{ "name": "chair", "type": "string", "required": true }]""",
            variables: """[{ "name": "answer", "type": "object" }]"""));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_task_answered_in_a_run_reads_back_from_the_journal_as_typed_payloads()
    {
        var instance = await _engine.StartAsync("approve", new JsonObject { ["chair"] = "ordforande.sn@kommun.test" });
        var task = await _engine.SingleOpenTaskAsync(instance.Id);
        await _engine.Runtime.CompleteTaskAsync(task.Id, "reject", "Budgeten saknas", "ordforande.sn@kommun.test");

        var journal = await _engine.JournalAsync(instance.Id);

        Assert.Equal("approve", Assert.Single(journal, e => e.Kind == JournalKind.InstanceStarted).Payload<InstanceStartedPayload>()?.DefinitionId);
        var created = Assert.Single(journal, e => e.Kind == JournalKind.TaskCreated).Payload<TaskCreatedPayload>()!;
        Assert.Equal((task.Id, "ordforande.sn@kommun.test", "Godkänn överenskommelsen", (LocalDate?)new LocalDate(2027, 1, 4)), (created.TaskId, created.Assignee, created.Title, created.DueDate));
        Assert.Equal(["approve", "reject"], created.Outcomes);
        var completed = Assert.Single(journal, e => e.Kind == JournalKind.TaskCompleted).Payload<TaskCompletedPayload>()!;
        Assert.Equal((task.Id, "reject", "Budgeten saknas"), (completed.TaskId, completed.Outcome, completed.Comment));
    }

    [Fact]
    public async Task Every_entry_the_runtime_writes_with_data_reads_as_its_kinds_payload_and_writes_back_unchanged()
    {
        var instance = await _engine.StartAsync("approve", new JsonObject { ["chair"] = "ordforande.sn@kommun.test" });
        var task = await _engine.SingleOpenTaskAsync(instance.Id);
        await _engine.Runtime.CompleteTaskAsync(task.Id, "approve", null, "ordforande.sn@kommun.test");

        var withData = (await _engine.JournalAsync(instance.Id)).Where(e => e.DataJson is not null).ToList();

        Assert.NotEmpty(withData);
        Assert.All(withData, entry =>
        {
            var payload = JournalPayloads.Read(entry);
            Assert.NotNull(payload);
            Assert.Equal(entry.Kind, payload.Kind);
            Assert.Equal(entry.DataJson, JournalPayloads.Write(payload));
        });
    }
}
